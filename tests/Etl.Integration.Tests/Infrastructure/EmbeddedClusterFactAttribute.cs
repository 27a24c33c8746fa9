using Xunit;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>A fact about the embedded default; skipped when ETL_TEST_CONNECTION points the tests at another server.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class EmbeddedClusterFactAttribute : FactAttribute
{
    public EmbeddedClusterFactAttribute()
    {
        if (!TestCluster.IsEmbedded)
        {
            Skip = "ETL_TEST_CONNECTION points at an external server, so the embedded default is not exercised";
        }
    }
}
