using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Incidents;

/// <summary>The README's Sev1 walk-through, from declare to close, through the Playground, on PostgreSQL.</summary>
public sealed class PostgresIncidentWalkthroughTests() : IncidentWalkthroughTests(TempDatabase.Postgres);

/// <summary>The README's Sev1 walk-through, from declare to close, through the Playground.</summary>
public class IncidentWalkthroughTests : BotTest
{
    public IncidentWalkthroughTests() : this(null) { }

    protected IncidentWalkthroughTests(string? provider) : base(provider: provider) { }

    [Fact]
    public async Task A_Sev1_goes_from_declare_to_close()
    {
        (await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\" service:payments impact:\"EU card payments failing\"")).Text.Should().StartWith("INC-1 · Sev1");
        await Playground.OneAsync("alice", "/incident role comms @priya");
        await Playground.OneAsync("alice", "/incident investigate");
        Bot.Clock.Advance(TimeSpan.FromMinutes(12));
        await Playground.OneAsync("priya", "/incident update \"Card auths failing in eu-west; failing over\"");
        await Playground.OneAsync("alice", "/incident mitigate");

        var comms = await Playground.OneAsync("priya", "/incident comms statuspage");
        comms.Text.Should().Contain("[mitigated] Checkout 5xx").And.Contain("EU card payments failing").And.Contain("Card auths failing in eu-west");
        var brief = await Playground.OneAsync("dana", "/incident brief");
        CardJson.Facts(brief.Card!).Should().Contain("Owner (IC): Alice Chen").And.Contain("Mitigation: Card auths failing in eu-west; failing over");

        Bot.Clock.Advance(TimeSpan.FromMinutes(30));
        await Playground.OneAsync("alice", "/incident resolve");
        await Playground.OneAsync("alice", "/incident postmortem cause:config-change summary:\"A bad config push\" systemic:\"Validate configs in CI for every service\"");
        var closed = await Playground.OneAsync("alice", "/incident close");

        CardJson.Facts(closed.Card!).Should().Contain("State: Closed");
        closed.Verbs.Should().BeEmpty();
        var timeline = await Playground.OneAsync("lee", "/incident timeline INC-1");
        timeline.Text.Should().Contain("declared").And.Contain("Declared → Investigating").And.Contain("update: Card auths").And.Contain("Resolved → Closed");
        var trends = await Playground.OneAsync("dana", "/incident trends 2026-11");
        CardJson.Facts(trends.Card!).Should().Contain("Sev1: 1 incident(s), MTTR 42m");
    }

    [Fact]
    public async Task Repeat_offenders_are_root_causes_seen_twice_in_90_days()
    {
        foreach (var title in new[] { "Checkout 5xx", "Search 5xx" })
        {
            await Playground.OneAsync("alice", $"/incident declare sev2 \"{title}\"");
            var id = (await Playground.OneAsync("alice", "/incident list")).Text.Split('\n').First(l => l.Contains(title)).Split(' ')[0];
            await Playground.OneAsync("alice", $"/incident resolve {id}");
            await Playground.OneAsync("alice", $"/incident postmortem {id} cause:config-change systemic:\"Config validation\"");
            await Playground.OneAsync("alice", $"/incident close {id}");
        }

        var offenders = await Playground.OneAsync("dana", "/incident repeat-offenders");

        offenders.Text.Should().Contain("config-change: 2 incidents (INC-1, INC-2)");
    }
}
