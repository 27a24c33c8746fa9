using System.Diagnostics;

namespace Etl.Integration.Tests.Infrastructure;

/// <summary>Waits for something the service does in the background; the timeout is generous on purpose (shared, slow machines).</summary>
internal static class Eventually
{
    public static async Task<TimeSpan> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"after {timeout.TotalSeconds:0} s still not true: {what}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        return clock.Elapsed;
    }
}
