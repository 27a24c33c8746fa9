using System.Globalization;

namespace Etl.Cli.Terminal;

/// <summary>The line <c>--report-memory</c> prints, which the benchmark reads.</summary>
internal static class PeakMemory
{
    public static string Line()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"peak RSS: {self.PeakWorkingSet64 / 1048576.0:0.0} MB");
    }
}
