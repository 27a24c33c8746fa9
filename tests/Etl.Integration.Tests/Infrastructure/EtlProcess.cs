using System.Diagnostics;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>Runs the real <c>etl</c> executable (built beside the tests) and captures what it says.</summary>
internal static class EtlProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "etl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Never let a developer's own configuration leak into a test.
        start.Environment.Remove("ConnectionStrings__Warehouse");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
