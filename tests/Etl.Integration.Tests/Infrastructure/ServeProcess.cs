using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>A real <c>etl serve</c> process (the executable built beside the tests), stopped with SIGTERM.</summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A normal start's budget (60 s on a loaded machine), plus the wait of a start right after a kill for
    /// the recurring scan's orphaned lock to lapse (up to <see cref="Etl.Service.ServiceHost.LockTimeout"/>).
    /// </summary>
    private static readonly TimeSpan StartTimeout = Etl.Service.ServiceHost.LockTimeout + TimeSpan.FromSeconds(60);

    private ServeProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="args">The options after <c>serve</c>.</param>
    /// <param name="environment">Settings given as environment variables (<c>Service__JobMegabytes</c>, …).</param>
    public static async Task<(ServeProcess Process, Uri Url)> StartAsync(IEnumerable<string> args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "etl.dll"));
        start.ArgumentList.Add("serve");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ConnectionStrings__Warehouse");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var serve = new ServeProcess(Process.Start(start)!);
        serve._process.OutputDataReceived += (_, e) => serve.Append(e.Data);
        serve._process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        var ready = await Task.WhenAny(serve._ready.Task, serve._process.WaitForExitAsync(), Task.Delay(StartTimeout)).ConfigureAwait(false);
        if (ready != serve._ready.Task)
        {
            var output = serve.Output;
            await serve.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"etl serve did not start:\n{output}");
        }

        return (serve, await serve._ready.Task.ConfigureAwait(false));
    }

    /// <summary>Sends SIGTERM and waits for the exit; returns how long that took and the exit code.</summary>
    public async Task<(TimeSpan Elapsed, int ExitCode)> TerminateAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        return (clock.Elapsed, _process.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (StatusLine().Match(line) is { Success: true } match)
        {
            _ready.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"^Status page (http://\S+?)/\s")]
    private static partial Regex StatusLine();
}
