namespace Etl.Core.Generation;

/// <summary>
/// Primary category (weighted: vision, language and learning are busy, algebraic geometry is quiet) and 0-2
/// cross-lists, mostly among the configured categories of the same field, sometimes outside them
/// (<c>cs.AI</c>, <c>math.NT</c>, ...), which then get no files of their own.
/// </summary>
internal sealed class CategoryPicker
{
    private static readonly Dictionary<string, double> Popularity = new(StringComparer.Ordinal)
    {
        ["cs.CV"] = 3.0,
        ["cs.LG"] = 3.0,
        ["cs.CL"] = 2.5,
        ["cs.IR"] = 1.2,
        ["stat.ML"] = 1.2,
        ["math.AG"] = 0.8,
    };

    private readonly string[] _configured;
    private readonly double[] _weights;

    public CategoryPicker(IReadOnlyList<string> configured)
    {
        _configured = [.. configured];
        _weights = [.. _configured.Select(c => Popularity.GetValueOrDefault(c, 1.0))];
    }

    /// <summary>Primary first, then cross-lists in ordinal order.</summary>
    public string[] Choose(Random random) => WithCrossLists(random, _configured[Weighted(random, _weights)]);

    /// <summary>Cross-lists for a given primary; the result starts with it.</summary>
    public string[] WithCrossLists(Random random, string primary)
    {
        var u = random.NextDouble();
        var crossCount = u < 0.45 ? 0 : u < 0.80 ? 1 : 2;
        if (crossCount == 0)
        {
            return [primary];
        }

        var chosen = new List<string>(3) { primary };
        for (var k = 0; k < crossCount; k++)
        {
            var cross = random.Chance(0.75) ? Configured(random, chosen) : Extra(random, chosen);
            if (cross is not null)
            {
                chosen.Add(cross);
            }
        }

        chosen.Sort(1, chosen.Count - 1, StringComparer.Ordinal);
        return [.. chosen];
    }

    private string? Configured(Random random, List<string> chosen)
    {
        var weights = new double[_configured.Length];
        var any = false;
        for (var i = 0; i < _configured.Length; i++)
        {
            if (!chosen.Contains(_configured[i]))
            {
                weights[i] = _weights[i] * (Field(_configured[i]) == Field(chosen[0]) ? 1.0 : 0.12);
                any = true;
            }
        }

        return any ? _configured[Weighted(random, weights)] : null;
    }

    private string? Extra(Random random, List<string> chosen)
    {
        string[] pool = Archive(chosen[0]) switch
        {
            "cs" => ["cs.AI", "cs.NE", "eess.IV", "cs.HC", "cs.RO", "cs.CY"],
            "math" => ["math.NT", "math.CO", "math.AT", "math.DG"],
            "stat" => ["stat.ME", "math.ST", "stat.CO"],
            "eess" => ["eess.SP", "cs.AI"],
            _ => ["cs.AI", "physics.data-an", "q-bio.NC"],
        };
        var candidates = pool.Where(c => !chosen.Contains(c) && Array.IndexOf(_configured, c) < 0).ToArray();
        return candidates.Length == 0 ? null : random.Pick(candidates);
    }

    private static int Weighted(Random random, double[] weights)
    {
        var total = weights.Sum();
        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0 && weights[i] > 0)
            {
                return i;
            }
        }

        return Array.FindLastIndex(weights, w => w > 0);
    }

    private static string Archive(string category)
    {
        var dot = category.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? category : category[..dot];
    }

    /// <summary>Computing-ish archives cross-list among themselves; mathematics and the rest mostly stay apart.</summary>
    private static string Field(string category) => Archive(category) switch
    {
        "cs" or "stat" or "eess" => "computing",
        var archive => archive,
    };
}
