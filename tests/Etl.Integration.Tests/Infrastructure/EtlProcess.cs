using System.Diagnostics;
using System.Text;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>Runs the real <c>etl</c> executable (built beside the tests) and captures what it says.</summary>
internal static class EtlProcess
{
    /// <param name="args">The command line after <c>etl</c>.</param>
    /// <param name="environment">Variables to set for the process.</param>
    /// <param name="runAs">Another OS user to run as (through <c>runuser</c>, so the tests must run as root).</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null, string? runAs = null)
    {
        var output = new StringBuilder();
        using var process = Start(args, output, environment, runAs);
        await process.WaitForExitAsync().ConfigureAwait(false);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts <c>etl</c> without waiting for it (to kill it, or to act while it runs); stdout and stderr go to <paramref name="output"/>.</summary>
    public static Process Start(IEnumerable<string> args, StringBuilder output, IDictionary<string, string>? environment = null, string? runAs = null)
    {
        var start = new ProcessStartInfo(runAs is null ? "dotnet" : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (runAs is not null)
        {
            foreach (var prefix in new[] { "-u", runAs, "--", "dotnet" })
            {
                start.ArgumentList.Add(prefix);
            }
        }

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

        var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
