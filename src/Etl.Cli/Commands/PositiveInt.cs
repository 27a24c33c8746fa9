using System.CommandLine;
using System.Globalization;

namespace Etl.Cli.Commands;

/// <summary>An option taking a positive whole number; absent unless given, so configuration or a default can apply.</summary>
internal static class PositiveInt
{
    public static Option<int?> Option(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "N",

            // One message for every wrong value ('none', '0', '-3'), saying what is expected.
            CustomParser = result =>
            {
                var text = result.Tokens[^1].Value;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
                {
                    return value;
                }

                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a positive whole number, not '{text}'"));
                return null;
            },
        };
}
