using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Etl.Data.Embedded;

/// <summary>
/// Runs the PostgreSQL command-line tools. Arguments always go through <see cref="ProcessStartInfo.ArgumentList"/>
/// so paths with spaces or quotes can never be split or injected.
/// </summary>
public static class ProcessRunner
{
    // pg_ctl start forks the postmaster; should it ever inherit our pipes, EOF never comes, so only wait this long for it.
    private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs a program and returns its exit code and combined stdout+stderr. A non-zero exit throws, because every
    /// caller needs the tool to have succeeded and the tool's own output is the best explanation of why it did not.
    /// </summary>
    /// <param name="file">Program to run (absolute path or a name on PATH).</param>
    /// <param name="args">Arguments, passed verbatim.</param>
    /// <param name="asPostgresUser">
    /// Run through <c>runuser -u postgres</c>: initdb and postgres refuse to run as root, so root must hand them to the postgres user.
    /// </param>
    /// <param name="cancellationToken">Kills the process when cancelled.</param>
    /// <exception cref="EmbeddedPostgresException">The program could not start or exited with a non-zero code.</exception>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IReadOnlyList<string> args, bool asPostgresUser, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(file, args, asPostgresUser, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"`{Describe(file, args, asPostgresUser)}` failed with exit code {result.ExitCode}. " +
                $"Its output is below; fix the cause it reports and try again.{Environment.NewLine}{result.Output}");
        }

        return result;
    }

    /// <summary>
    /// Like <see cref="RunAsync"/>, but a non-zero exit is returned instead of thrown, for tools whose exit code is
    /// an answer rather than a failure (e.g. <c>pg_ctl status</c> returns 3 when the server is stopped).
    /// </summary>
    /// <exception cref="EmbeddedPostgresException">The program could not be started at all.</exception>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(
        string file, IReadOnlyList<string> args, bool asPostgresUser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var startInfo = new ProcessStartInfo
        {
            FileName = asPostgresUser ? "runuser" : file,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // initdb and pg_ctl call getcwd(); as the postgres user our own working directory (e.g. /root) may be unreadable.
            WorkingDirectory = "/",
        };
        if (asPostgresUser)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                startInfo.ArgumentList.Add(prefix);
            }
        }

        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new EmbeddedPostgresException(
                $"Could not run `{Describe(file, args, asPostgresUser)}`: {ex.Message}. Check that the program is installed and executable.", ex);
        }

        process.StandardInput.Close();
        var output = new StringBuilder();
        var drained = Task.WhenAll(PumpAsync(process.StandardOutput, output), PumpAsync(process.StandardError, output));
        try
        {
            // Without BeginOutputReadLine this waits for exit only, not for pipe EOF.
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            throw;
        }

        await Task.WhenAny(drained, Task.Delay(OutputDrainTimeout, CancellationToken.None)).ConfigureAwait(false);
        lock (output)
        {
            return (process.ExitCode, output.ToString().Trim());
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (sink)
                {
                    sink.Append(buffer, 0, read);
                }
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException)
        {
            // The process was disposed while a daemon still held the pipe; the output collected so far is enough.
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string Describe(string file, IReadOnlyList<string> args, bool asPostgresUser)
    {
        var words = (asPostgresUser ? new[] { "runuser", "-u", "postgres", "--", file } : [file]).Concat(args);
        return string.Join(' ', words.Select(word => word.Contains(' ', StringComparison.Ordinal) ? $"'{word}'" : word));
    }
}
