using System.CommandLine;
using System.Globalization;

namespace Etl.Cli.Commands;

/// <summary>An option taking a positive whole number; absent unless given, so configuration or a default can apply.</summary>
internal static class PositiveInt
{
    public static Option<int?> Option(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = "N" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a positive whole number, not '{result.Tokens[^1].Value}'"));
            }
        });
        return option;
    }
}
