using Microsoft.Extensions.Logging;

namespace Etl.Cli.Terminal;

/// <summary>
/// The CLI's log: the product's own messages as plain lines, information on standard output (where the
/// user looks for the connection string) and warnings on standard error. Libraries' logs are left out.
/// </summary>
internal sealed class ConsoleLines : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("Etl.", StringComparison.Ordinal) ? Lines.Instance : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Lines : ILogger
    {
        public static readonly Lines Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                (logLevel >= LogLevel.Warning ? Console.Error : Console.Out).WriteLine(formatter(state, exception));
            }
        }
    }
}
