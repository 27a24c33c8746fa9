using Xunit;

namespace Etl.Tests;

/// <summary>A fact that needs <c>../shared/samples</c>; skipped with a clear reason where it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedSamplesFactAttribute : FactAttribute
{
    public SharedSamplesFactAttribute()
    {
        if (!SharedSamples.Available)
        {
            Skip = SharedSamples.MissingReason;
        }
    }
}
