using System.Diagnostics;

namespace Etl.Bench;

/// <summary>How the benchmark starts an <c>etl</c> command as a process of its own: the executable, or its <c>etl.dll</c> through <c>dotnet</c>.</summary>
internal static class EtlStart
{
    /// <param name="readErrors">Whether the caller reads the child's standard error (else it goes to the benchmark's own).</param>
    public static ProcessStartInfo For(string etl, IEnumerable<string> args, bool readErrors)
    {
        var isDll = etl.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isDll ? "dotnet" : etl) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = readErrors };
        if (isDll)
        {
            start.ArgumentList.Add(etl);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
