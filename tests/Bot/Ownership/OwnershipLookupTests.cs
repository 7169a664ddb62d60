using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Ownership;

/// <summary>`/owner` against the repository's map: the lookups, an admin's amendment (audited, told, surviving a restart), and bad input refused with nothing changed.</summary>
public sealed class OwnershipLookupTests : BotTest
{
    [Fact]
    public async Task An_entry_answers_its_owner_on_call_tier_team_and_dependencies_both_ways()
    {
        var payments = CardJson.Facts((await Playground.OneAsync("lee", "/owner payments")).Card!);
        payments.Should().Contain("Tier: 0").And.Contain("Owner: Sam Alvarez").And.Contain("On call: Sam Alvarez")
            .And.Contain("Team: Payments Core (payments-core), lead Sam Alvarez, exec Dana Okafor").And.Contain("Depends on: identity, ledger")
            .And.Contain("Depended on by: nothing in the map").And.Contain("Channel: #payments");

        CardJson.Facts((await Playground.OneAsync("lee", "/owner IDENTITY")).Card!).Should().Contain("Depended on by: payments, search", "the service, not the team of the same name");
        CardJson.Text((await Playground.OneAsync("lee", "/owner show growth")).Card!).Should().Contain("Team Growth (growth)");
        CardJson.Facts((await Playground.OneAsync("lee", "/owner ndr")).Card!).Should().Contain("Owner: ");
        CardJson.Text((await Playground.OneAsync("lee", "/owner")).Card!).Should().Contain("search-index · data set, Tier 2 · owner Bob Martins");
        (await Playground.OneAsync("lee", "/owner orphans")).Text.Should().Contain("None: every entry has an owner");
        (await Playground.OneAsync("lee", "/owner billing")).Text.Should().Contain("`billing` is not a service, system, data set or team in the ownership map");
    }

    [Fact]
    public async Task An_admin_amends_the_map_the_people_concerned_are_told_it_is_audited_and_it_survives_a_restart()
    {
        (await Playground.OneAsync("sam", "/owner set payments owner:@lee")).Text.Should().Contain("Only admins amend the ownership map");
        CardJson.Facts((await Playground.OneAsync("lee", "/owner payments")).Card!).Should().Contain("Owner: Sam Alvarez");

        (await Playground.OneAsync("ceo", "/owner set payments owner:@lee oncall:@priya")).Text.Should().Be(
            "The ownership map is amended for payments: owner → lee, oncall → priya. It is audited, and whoever it concerns is told.");
        (await Playground.OneAsync("ceo", "/owner set team:growth lead:@bob")).Text.Should().Contain("amended for growth: lead → bob");

        await Eventually.Until(() => Playground.MessagesAsync("lee"), m => m.Any(x => x.Text.StartsWith("You are now the owner of payments")), "lee to hear");
        await Eventually.Until(() => Playground.MessagesAsync("sam"), m => m.Any(x => x.Text.StartsWith("You are no longer the owner of payments: Lee Park is")), "sam to hear");
        await Eventually.Until(() => Playground.MessagesAsync("#payments"), m => m.Any(x => x.Text.Contains("owner sam → lee, oncall sam → priya")), "#payments to hear");
        var audit = await Bot.Services.GetRequiredService<Store>().WriteAsync(u => u.Audit.ListAsync("payments"));
        audit.Select(a => $"{a.Actor} {a.Action} {a.Outcome}: {a.Detail}").Should().Contain("ceo ownership.amend allowed: owner: sam → lee")
            .And.Contain("ceo ownership.amend allowed: oncall: sam → priya").And.Contain(a => a.StartsWith("sam ") && a.Contains("refused"));

        using var restarted = new BotFactory(Database);
        var facts = CardJson.Facts((await restarted.Playground().OneAsync("lee", "/owner payments")).Card!);
        facts.Should().Contain("Owner: Lee Park").And.Contain("On call: Priya Nair");
        CardJson.Facts((await restarted.Playground().OneAsync("lee", "/owner growth")).Card!).Should().Contain("Lead: Bob Martins");
    }

    [Theory]
    [InlineData("/owner set payments owner:@nobody", "There is nobody called `nobody` in the directory")]
    [InlineData("/owner set payments tier:7", "tier:7 is not a tier; use 0, 1, 2 or 3")]
    [InlineData("/owner set payments team:billing", "team:billing is not a team in the ownership map")]
    [InlineData("/owner set payments colour:red", "colour: cannot be set on an entry; it takes owner:, oncall:, approver:, team:, tier:, channel:")]
    [InlineData("/owner set team:growth owner:@lee", "owner: cannot be set on a team; it takes lead:, exec:, channel:")]
    [InlineData("/owner set payments", "Nothing to set")]
    [InlineData("/owner set billing owner:@lee", "service:billing is not in the ownership map")]
    [InlineData("/owner set team:billing lead:@lee", "team:billing is not a team in the ownership map")]
    [InlineData("/owner set payments channel:\"two words\"", "is not a channel name")]
    [InlineData("/owner payments search", "`/owner payments` is not an owner command")]
    [InlineData("/owner disown payments", "Say which entry and why")]
    public async Task Bad_input_is_refused_saying_what_to_do_and_changes_nothing(string command, string answer)
    {
        (await Playground.OneAsync("ceo", command)).Text.Should().Contain(answer);

        var facts = CardJson.Facts((await Playground.OneAsync("ceo", "/owner payments")).Card!);
        facts.Should().Contain("Owner: Sam Alvarez").And.Contain("Tier: 0").And.Contain("Channel: #payments");
        (await Bot.Services.GetRequiredService<Store>().WriteAsync(u => u.Aggregates.FindAsync<ExecOps.Workflows.Ownership.OwnershipAmendments>("ownership-amendments", "map"))).Should().BeNull();
    }
}
