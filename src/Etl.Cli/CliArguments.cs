namespace Etl.Cli;

/// <summary>
/// The command line after the command name: positional arguments and <c>--name value</c> options
/// (<c>--flag</c> alone for booleans). Unknown options are errors, so a typo never goes unnoticed.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Value)> _repeated = [];

    private CliArguments(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    /// <param name="args">Everything after the command name.</param>
    /// <param name="valued">Options that take a value.</param>
    /// <param name="flags">Options that take none.</param>
    public static CliArguments Parse(IEnumerable<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var positional = new List<string>();
        var parsed = new CliArguments(positional);
        using var cursor = args.GetEnumerator();
        while (cursor.MoveNext())
        {
            var arg = cursor.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positional.Add(arg);
            }
            else if (valued.Contains(arg))
            {
                parsed._options[arg] = cursor.MoveNext() ? cursor.Current : throw new UsageException($"{arg} needs a value");
                parsed._repeated.Add((arg, cursor.Current));
            }
            else if (flags.Contains(arg))
            {
                parsed._options[arg] = null;
            }
            else
            {
                throw new UsageException($"unknown option '{arg}'");
            }
        }

        return parsed;
    }

    /// <summary>For commands that take options only.</summary>
    public CliArguments NoPositional(string command) =>
        Positional.Count == 0 ? this : throw new UsageException($"{command} takes no arguments, got '{Positional[0]}'");

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.GetValueOrDefault(name);

    /// <summary>Every value of an option that may be given more than once, in order.</summary>
    public IReadOnlyList<string> Values(string name) => [.. _repeated.Where(option => option.Name == name).Select(option => option.Value)];

    public int Int(string name, int fallback) =>
        _options.TryGetValue(name, out var text)
            ? int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value : throw new UsageException($"{name} must be a positive whole number, not '{text}'")
            : fallback;
}
