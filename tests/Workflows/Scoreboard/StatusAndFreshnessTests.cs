using ExecOps.Cards.Scoreboard;
using ExecOps.Workflows.Kpis;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Tests.Workflows.Scoreboard;

public sealed class StatusAndFreshnessTests
{
    private static Kpi Kpi(string id) => TestCatalog.Catalog.Find(id)!;

    [Theory]
    [InlineData("uptime", 99.9, KpiStatus.Green)]
    [InlineData("uptime", 99.89, KpiStatus.Yellow)]
    [InlineData("uptime", 99.5, KpiStatus.Yellow)]
    [InlineData("uptime", 99.49, KpiStatus.Red)]
    [InlineData("mttr", 4, KpiStatus.Green)]
    [InlineData("mttr", 4.01, KpiStatus.Yellow)]
    [InlineData("mttr", 8, KpiStatus.Yellow)]
    [InlineData("mttr", 8.01, KpiStatus.Red)]
    public void Status_turns_at_the_catalog_thresholds_in_the_KPIs_direction(string kpi, double value, KpiStatus expected) =>
        Kpi(kpi).Thresholds.Rate((decimal)value, Kpi(kpi).Direction).Should().Be(expected);

    [Theory]
    [InlineData("uptime", 24.0, FreshnessLevel.Green)]
    [InlineData("uptime", 24.01, FreshnessLevel.Yellow)]
    [InlineData("uptime", 48.0, FreshnessLevel.Yellow)]
    [InlineData("uptime", 48.01, FreshnessLevel.Red)]
    [InlineData("ndr", 168.0, FreshnessLevel.Green)]
    [InlineData("ndr", 192.0, FreshnessLevel.Yellow)]
    [InlineData("ndr", 192.01, FreshnessLevel.Red)]
    public void Freshness_is_green_within_the_SLA_yellow_for_24_hours_after_and_red_beyond(string kpi, double hours, FreshnessLevel expected)
    {
        var now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

        Freshness.Of(Kpi(kpi), now - TimeSpan.FromHours(hours), now).Level.Should().Be(expected);
    }

    [Fact]
    public void A_KPI_with_no_data_is_red_on_freshness() =>
        Freshness.Of(Kpi("uptime"), null, DateTimeOffset.UnixEpoch).Level.Should().Be(FreshnessLevel.Red);

    [Fact]
    public void The_banner_is_the_worst_freshness_shown() =>
        Freshness.Worst([new(FreshnessLevel.Green, null, null), new(FreshnessLevel.Yellow, null, null)]).Should().Be(FreshnessLevel.Yellow);

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8 }, "▁▂▃▄▅▆▇█")]
    [InlineData(new[] { 5.0, 5, 5 }, "▅▅▅")]
    [InlineData(new[] { 10.0, 0, 10 }, "█▁█")]
    public void A_sparkline_scales_the_trend_between_its_low_and_high(double[] values, string expected) =>
        Sparkline.Draw(values.Select(v => (decimal?)v).ToList()).Should().Be(expected);

    [Fact]
    public void A_week_without_data_is_a_dot_in_the_sparkline() =>
        Sparkline.Draw([null, 1m, null, 3m]).Should().Be("·▁·█");

    [Theory]
    [InlineData("2026-W47", "2026-11-16")]
    [InlineData("2026-w1", "2025-12-29")]
    [InlineData("2020-W53", "2020-12-28")]
    public void An_ISO_week_starts_on_its_Monday(string text, string monday) =>
        IsoWeek.TryParse(text)!.Value.Start.ToString("yyyy-MM-dd").Should().Be(monday);

    [Theory]
    [InlineData("2025-W53")]
    [InlineData("2026-W00")]
    [InlineData("last week")]
    public void A_week_that_does_not_exist_is_not_parsed(string text) => IsoWeek.TryParse(text).Should().BeNull();
}
