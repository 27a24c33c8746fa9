namespace Etl.Core.Generation;

/// <summary>
/// How many papers are submitted each day: about Papers/12 per weekday (at least 10, at most 250), 40% of that on
/// weekends. It has its own random stream, so the calendar of a corpus can be replayed without generating it.
/// </summary>
internal sealed class DailyVolume
{
    private readonly Random _random;
    private readonly double _rate;

    public DailyVolume(GeneratorOptions options)
    {
        _random = Rng.For(options.Seed, 0xC0);
        _rate = Math.Clamp(options.Papers / 12.0, 10, 250);
    }

    public int Next(DateOnly day, int remaining)
    {
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var count = (int)Math.Round(_rate * (weekend ? 0.4 : 1.0) * _random.Between(0.75, 1.25));
        return Math.Clamp(count, 1, remaining);
    }

    /// <summary>The last day on which the corpus of <paramref name="options"/> has submissions.</summary>
    public static DateOnly LastSubmissionDay(GeneratorOptions options)
    {
        var volume = new DailyVolume(options);
        var day = options.StartDate;
        for (var remaining = options.Papers - volume.Next(day, options.Papers); remaining > 0; remaining -= volume.Next(day, remaining))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
