using ExecOps.Workflows.Spend;

namespace ExecOps.Tests.Workflows.Spend;

/// <summary>The anomaly rule on data sets whose answer is known: a spike, a quiet noisy stretch, a spike inside the history, a flat tiny service.</summary>
public sealed class SpendAnomalyRuleTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    /// <summary>28 days around $1,000 with a deterministic ±$30 wobble, as a steady service spends.</summary>
    private static List<decimal> Steady() => Enumerable.Range(0, 28).Select(i => 1000m + (i * 37 % 61) - 30).ToList();

    private static SpendAnomaly? Check(decimal amount, IReadOnlyList<decimal> history) => SpendAnomalyRule.Check("payments", Day, amount, history, 4m, 100m, 14);

    [Fact]
    public void A_day_far_above_a_steady_history_is_an_anomaly_with_the_median_and_spread_it_was_judged_by()
    {
        var anomaly = Check(1600m, Steady());

        anomaly.Should().NotBeNull();
        anomaly!.Median.Should().BeInRange(990m, 1010m);
        anomaly.Spread.Should().BeInRange(10m, 40m);
        anomaly.HistoryDays.Should().Be(28);
    }

    [Fact]
    public void A_quiet_month_of_ordinary_days_raises_no_alarm_on_any_of_them()
    {
        var days = Enumerable.Range(0, 60).Select(i => 1000m + (i * 37 % 61) - 30).ToList();

        var alarms = Enumerable.Range(28, 32).Select(i => Check(days[i], days.Skip(i - 28).Take(28).ToList())).OfType<SpendAnomaly>();

        alarms.Should().BeEmpty("a ±$30 wobble around $1,000 is the service's normal");
    }

    [Fact]
    public void A_spike_in_the_history_neither_hides_the_next_spike_nor_makes_a_normal_day_an_anomaly()
    {
        var history = Steady();
        history[5] = 5000m;

        Check(1600m, history).Should().NotBeNull("the median and MAD are not pulled up by one spike");
        Check(1020m, history).Should().BeNull();
    }

    [Theory]
    [InlineData(5, 6, "a flat $5 service is not an anomaly for a dollar: below the floor")]
    [InlineData(1000, 1090, "a jump under the $100 floor")]
    public void A_jump_under_the_floor_is_no_anomaly(int flat, int today, string because)
    {
        var history = Enumerable.Repeat((decimal)flat, 28).ToList();

        Check(today, history).Should().BeNull(because);
    }

    [Fact]
    public void Too_little_history_judges_nothing() => Check(1_000_000m, Steady().Take(13).ToList()).Should().BeNull();
}
