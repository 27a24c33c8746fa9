using System.Diagnostics;
using System.Text;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>Runs the real <c>etl</c> executable (built beside the tests) and captures what it says.</summary>
internal static class EtlProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var output = new StringBuilder();
        using var process = Start(args, output, environment);
        await process.WaitForExitAsync().ConfigureAwait(false);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts <c>etl</c> without waiting for it (to kill it, or to act while it runs); stdout and stderr go to <paramref name="output"/>.</summary>
    public static Process Start(IEnumerable<string> args, StringBuilder output, IDictionary<string, string>? environment = null)
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
