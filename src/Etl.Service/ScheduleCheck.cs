using Cronos;

namespace Etl.Service;

/// <summary>
/// Checks the inbox scan's schedule the way Hangfire will read it (Cronos: five fields, or six with seconds
/// first, or a macro such as <c>@hourly</c>), before any database work, so a typo stops <c>etl serve</c> with
/// the reason instead of leaving a service that never scans on its own.
/// </summary>
public static class ScheduleCheck
{
    /// <exception cref="ServiceConfigurationException">The schedule is not a cron expression.</exception>
    public static void Validate(string schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var format = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        if (!CronExpression.TryParse(schedule, format, out _))
        {
            throw new ServiceConfigurationException(
                $"--schedule \"{schedule}\" (Service:Schedule) is not a cron expression. Use five fields (minute hour " +
                "day-of-month month day-of-week), for example \"*/5 * * * *\" for every five minutes, six with seconds first, or a macro such as @hourly.");
        }
    }
}
