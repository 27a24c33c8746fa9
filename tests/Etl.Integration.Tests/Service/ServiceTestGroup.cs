using Xunit;

namespace Etl.Integration.Tests.Service;

/// <summary>
/// Service tests run one at a time and alone: they start Hangfire servers and watch wall-clock
/// behaviour (latency, an outage), which other tests' load would only blur.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServiceTestGroup
{
    public const string Name = "service";
}
