using System.Globalization;
using Etl.Data.Loading;

namespace Etl.Cli.Terminal;

/// <summary>
/// Progress of a long load: a bar redrawn in place on a terminal (files, entries per second, ETA), plain
/// log lines every few seconds when output goes to a file or a pipe. Quiet for the first second, so
/// small loads print nothing but their results.
/// </summary>
internal sealed class ProgressDisplay(TextWriter output, bool interactive) : IProgress<LoadProgress>
{
    private static readonly TimeSpan QuietStart = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _every = interactive ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private TimeSpan _last = TimeSpan.Zero;
    private bool _barShown;

    public void Report(LoadProgress value)
    {
        lock (_gate)
        {
            var finished = value.FilesDone == value.FilesTotal;
            if (value.Elapsed < QuietStart || (!finished && value.Elapsed - _last < _every))
            {
                return;
            }

            _last = value.Elapsed;
            var line = value.Describe();
            if (interactive)
            {
                output.Write($"\r{Bar(value)} {line}\u001b[K");
                _barShown = true;
            }
            else
            {
                output.WriteLine($"progress: {line}");
            }
        }
    }

    /// <summary>Ends the bar's line so the next output starts clean.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_barShown)
            {
                output.Write("\r\u001b[K");
                _barShown = false;
            }
        }
    }

    private static string Bar(LoadProgress value)
    {
        const int width = 24;
        var filled = (int)(width * value.Fraction);
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }
}
