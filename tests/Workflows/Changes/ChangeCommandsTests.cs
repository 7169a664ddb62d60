using ExecOps.Workflows;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Commands;

namespace ExecOps.Tests.Workflows.Changes;

/// <summary>The `/change` grammar, from words to typed requests, without the bot around it.</summary>
public sealed class ChangeCommandsTests
{
    private static ChangeRequest Parse(string text) => ChangeCommands.Parse(CommandParser.Parse(text));

    [Fact]
    public void A_new_change_reads_its_window_as_utc_instants()
    {
        var open = Parse("/change new tier:1 service:payments \"Retry budget\" scope:\"x\" window:2026-12-20T22:00Z..2026-12-21T02:00Z").Should().BeOfType<OpenChange>().Subject;

        (open.Tier, open.Service, open.Title).Should().Be((1, "payments", "Retry budget"));
        open.Input.WindowStart.Should().Be(new DateTimeOffset(2026, 12, 20, 22, 0, 0, TimeSpan.Zero));
        open.Input.WindowEnd.Should().Be(new DateTimeOffset(2026, 12, 21, 2, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_new_change_without_tier_service_or_title_opens_the_form_naming_them() =>
        Parse("/change new scope:\"x\"").Should().BeEquivalentTo(new OpenChangeForm(["tier:", "service:", "a title"]));

    [Fact]
    public void A_drill_reads_its_result_and_time() =>
        Parse("/change drill record service:payments result:Passed time:1h30m notes:\"clean\"").Should().BeEquivalentTo(new RecordDrill("payments", true, TimeSpan.FromMinutes(90), "clean"));

    [Fact]
    public void A_tier_1_migration_must_state_all_three_parts_and_a_tier_3_one_need_not()
    {
        var input = new ChangeInput(null, null, null, null, null, null, null, "yes", null, null);

        FluentActions.Invoking(() => ChangeCommands.Fields(input, 1, null)).Should().Throw<RefusedException>()
            .WithMessage("A Tier 1 change with a data migration needs lock:<budget>, migration-rollback:\"…\". Nothing was changed.");
        ChangeCommands.Fields(input, 3, null).Migration.Should().Be(new DataMigration(true, "not stated", "not stated"));
    }

    [Theory]
    [InlineData("/change show", "Which change?")]
    [InlineData("/change new tier:one service:payments \"x\"", "tier:one is not a number")]
    [InlineData("/change new tier:1 service:payments \"x\" window:tonight", "window:tonight is not a window")]
    [InlineData("/change stats weeks:99", "weeks:99 must be a whole number from 1 to 52")]
    [InlineData("/change drill record service:payments result:meh time:5m", "result:meh must be passed or failed")]
    [InlineData("/change drill record service:payments result:passed time:soon", "duration:soon is not a duration")]
    [InlineData("/change drill", "Use `/change drill record")]
    public void Bad_words_are_refused_saying_what_was_wrong(string text, string message) =>
        FluentActions.Invoking(() => Parse(text)).Should().Throw<RefusedException>().Which.Message.Should().Contain(message);
}
