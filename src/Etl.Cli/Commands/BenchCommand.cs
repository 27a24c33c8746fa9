namespace Etl.Cli.Commands;

/// <summary><c>etl bench</c>: see docs/benchmarks.md.</summary>
internal static class BenchCommand
{
    public static Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        _ = args;
        _ = cancellationToken;
        throw new UsageException("bench is not available in this build");
    }
}
