using System.Globalization;

namespace Etl.Core.Generation;

/// <summary>
/// Unique arXiv ids by submission month: new style <c>YYMM.NNNNN</c> (four digits before 2015), numbered upward
/// with small gaps; about 5% (all before April 2007) old style <c>archive[.XX]/YYMMNNN</c> (e.g. <c>cs/2001001</c>, <c>math.AG/2001002</c>).
/// Only one counter per month and archive is kept.
/// </summary>
internal sealed class IdAllocator
{
    private static readonly DateOnly FirstNewStyleMonth = new(2007, 4, 1);

    private readonly Dictionary<int, int> _newStyle = [];
    private readonly Dictionary<string, int> _oldStyle = new(StringComparer.Ordinal);

    public string Next(DateOnly day, string primary, Random random)
    {
        var yymm = (day.Year % 100 * 100) + day.Month;
        // New-style ids began in April 2007; before that every id is old style (while a month's 999 numbers last).
        if (random.Chance(day < FirstNewStyleMonth ? 1.0 : 0.05))
        {
            var prefix = OldStylePrefix(primary, random);
            var key = string.Create(CultureInfo.InvariantCulture, $"{prefix}/{yymm:D4}");
            var number = _oldStyle.GetValueOrDefault(key) + 1;
            if (number <= 999)
            {
                _oldStyle[key] = number;
                return string.Create(CultureInfo.InvariantCulture, $"{key}{number:D3}");
            }
        }

        var fiveDigits = day.Year >= 2015;
        var next = (_newStyle.TryGetValue(yymm, out var last) ? last : random.Next(0, 40)) + 1 + (fiveDigits ? random.Next(3) : 0);
        _newStyle[yymm] = next;
        return fiveDigits
            ? string.Create(CultureInfo.InvariantCulture, $"{yymm:D4}.{next:D5}")
            : string.Create(CultureInfo.InvariantCulture, $"{yymm:D4}.{next:D4}");
    }

    /// <summary>The archive (<c>cs</c>, <c>math</c>), or with a two-letter subject class the whole category (<c>math.AG</c>).</summary>
    internal static string OldStylePrefix(string primary, Random random)
    {
        var dot = primary.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return primary;
        }

        // Old computer-science ids never carried the subject class; other archives sometimes did (math.AG/0601001).
        var archive = primary[..dot];
        return archive != "cs" && primary.Length - dot - 1 == 2 && random.Chance(0.5) ? primary : archive;
    }
}
