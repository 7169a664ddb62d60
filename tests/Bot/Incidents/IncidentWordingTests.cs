using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Incidents;

/// <summary>What people read about an incident names people, not directory ids, and says what it means.</summary>
public sealed class IncidentWordingTests : BotTest
{
    [Fact]
    public async Task A_refusal_names_the_commander_as_people_know_them()
    {
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout latency\"");

        (await Playground.OneAsync("bob", "/incident resolve INC-1")).Text.Should().EndWith("you are Bob Martins. The commander is Alice Chen.");

        await Playground.OneAsync("alice", "/incident role ic @sam");
        (await Playground.OneAsync("bob", "/incident resolve INC-1")).Text.Should().EndWith("The commander is Sam Alvarez.");
    }

    [Fact]
    public async Task The_exec_brief_says_how_long_ago_it_was_declared_then_how_long_it_took()
    {
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout latency\"");
        Bot.Clock.Advance(TimeSpan.FromMinutes(25));

        CardJson.Facts((await Playground.OneAsync("dana", "/incident brief")).Card!).Should().Contain("Status: Declared, declared 25m ago");

        await Playground.OneAsync("alice", "/incident resolve");
        Bot.Clock.Advance(TimeSpan.FromHours(2));
        CardJson.Facts((await Playground.OneAsync("dana", "/incident brief INC-1")).Card!).Should().Contain("Status: Resolved, 25m from declaration to resolution");
    }
}
