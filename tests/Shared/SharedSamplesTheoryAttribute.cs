using Xunit;

namespace Etl.Tests;

/// <summary>A theory that needs <c>../shared/samples</c>; skipped with a clear reason where it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedSamplesTheoryAttribute : TheoryAttribute
{
    public SharedSamplesTheoryAttribute()
    {
        if (!SharedSamples.Available)
        {
            Skip = SharedSamples.MissingReason;
        }
    }
}
