using Etl.Integration.Tests.Infrastructure;
using Xunit;

namespace Etl.Integration.Tests.Service;

/// <summary><c>etl serve</c>'s refusals: they come before any database work, with what to do.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("serve", "serve needs an inbox")]
    [InlineData("serve --inbox /tmp/x --urls http://0.0.0.0:5080", "Service:AuthUser")]
    [InlineData("serve --inbox /tmp/x --workers none", "--workers must be a positive whole number")]
    [InlineData("serve --inbox /tmp/x --schedule every-minute", "--schedule \"every-minute\" (Service:Schedule) is not a cron expression")]
    [InlineData("serve --inbox /tmp/x --schedule 61_*_*_*_*", "--schedule \"61 * * * *\" (Service:Schedule) is not a cron expression")]
    public async Task Bad_arguments_exit_1_with_a_message(string commandLine, string message)
    {
        var (exit, output) = await EtlProcess.RunAsync([.. commandLine.Split(' ').Select(word => word.Replace('_', ' ')), "--connection", "Host=127.0.0.1;Port=9"]);

        Assert.True(exit == 1, output);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }
}
