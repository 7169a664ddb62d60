using ExecOps.Workflows;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Tests.Workflows.Scoreboard;

public sealed class ObservationIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    private static readonly ObservationIntake Intake = new(TestCatalog.Catalog, new Segments(["na", "emea"]), new ScoreboardSettings { MaxBatch = 3 });

    private static string Reason(ObservationInput row)
    {
        var (rows, rejected) = Intake.Check([row], Now);
        rows.Should().BeEmpty();
        return rejected.Should().ContainSingle().Subject.Reason;
    }

    [Theory]
    [InlineData("revenue-per-dog", "2026-W46", null, "12", "kpi \"revenue-per-dog\" is not in the catalog")]
    [InlineData("uptime", "2026-W46", null, "ninety-nine", "value \"ninety-nine\" is not a number")]
    [InlineData("uptime", null, "2027-01-01T00:00:00Z", "99.9", "is in the future")]
    [InlineData("uptime", "2026-W60", null, "99.9", "period \"2026-W60\" is neither a day")]
    [InlineData("uptime", "2026-W49", null, "99.9", "has not started yet")]
    [InlineData("uptime", null, null, "99.9", "at (a timestamp) or period")]
    [InlineData("uptime", "2026-W46", "2026-11-10T00:00:00Z", "99.9", "give at or period, not both")]
    [InlineData("uptime", null, "yesterday", "99.9", "at \"yesterday\" is not a timestamp")]
    [InlineData(null, "2026-W46", null, "99.9", "kpi is missing")]
    public void A_bad_row_is_named_with_its_reason(string? kpi, string? period, string? at, string? value, string reason) =>
        Reason(new ObservationInput(kpi, period, at, value)).Should().Contain(reason);

    [Fact]
    public void An_unknown_segment_names_the_ones_there_are() =>
        Reason(new ObservationInput("uptime", "2026-W46", null, "99.9", Region: "mars")).Should().Contain("region \"mars\" is not one of na, emea");

    [Fact]
    public void A_row_with_both_service_and_team_is_refused() =>
        Reason(new ObservationInput("uptime", "2026-W46", null, "99.9", Domain: "payments", Service: "checkout", Team: "core")).Should().Contain("give service or team, not both");

    [Fact]
    public void Every_bad_row_is_reported_by_its_index_and_the_good_ones_are_not()
    {
        var (rows, rejected) = Intake.Check([
            new ObservationInput("uptime", "2026-W46", null, "99.9"),
            new ObservationInput("uptime", "2026-W46", null, "abc"),
            new ObservationInput("nope", "2026-W46", null, "1"),
        ], Now);

        rows.Should().ContainSingle();
        rejected.Select(r => r.Index).Should().Equal(1, 2);
    }

    [Fact]
    public void A_finished_week_counts_as_of_its_last_second_and_the_running_week_as_of_now()
    {
        var (rows, _) = Intake.Check([new ObservationInput("uptime", "2026-W46", null, "99.9"), new ObservationInput("uptime", "2026-W47", null, "99.8")], Now);

        rows[0].At.Should().Be(new DateTimeOffset(2026, 11, 15, 23, 59, 59, TimeSpan.Zero));
        rows[1].At.Should().Be(Now);
    }

    [Fact]
    public void Names_and_segments_are_kept_in_lower_case()
    {
        var (rows, _) = Intake.Check([new ObservationInput("UPTIME", null, "2026-11-17T08:00:00Z", "99.9", Icp: "ICP", Region: "EMEA", Domain: "Payments", Team: "Core")], Now);

        rows.Should().ContainSingle().Which.Should().Be(new Observation("uptime", new DateTimeOffset(2026, 11, 17, 8, 0, 0, TimeSpan.Zero), 99.9m,
            new Slice(Domain: "payments", Team: "core", Icp: "icp", Region: "emea")));
    }

    [Fact]
    public void A_batch_over_the_limit_is_refused_before_any_row_is_read() =>
        FluentActions.Invoking(() => Intake.Check(Enumerable.Repeat(new ObservationInput("uptime", "2026-W46", null, "1"), 4).ToList(), Now))
            .Should().Throw<RefusedException>().WithMessage("*4 rows; the limit is 3*");
}
