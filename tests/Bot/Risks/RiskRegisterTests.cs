using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Risks;

/// <summary>The register through the Playground: adding, rating, the top 10, mitigations with evidence, and every bad input.</summary>
public sealed class RiskRegisterTests : BotTest
{
    [Fact]
    public async Task A_risk_is_rated_by_the_matrix_and_the_top_ten_are_ordered_by_exposure()
    {
        var added = await Playground.OneAsync("alice", "/risk add \"Payment provider outage\" category:vendor p:30% impact:$2M customers:\"EU checkout down\" owner:@bob sponsor:dana");
        added.Text.Should().Be("RISK-1 added: 🔴 High, exposure $600k.");
        CardJson.Facts(added.Card!).Should().Contain("Owner: Bob Martins").And.Contain("Sponsor: Dana Okafor").And.Contain("Customer impact: EU checkout down");
        await Playground.OneAsync("alice", "/risk add \"Key engineer leaves\" category:people p:20% impact:$100k owner:alice sponsor:dana");
        await Playground.OneAsync("alice", "/risk add \"SOC2 finding\" category:compliance p:60% impact:$1.5M owner:sam sponsor:ceo");

        var top = await Playground.OneAsync("lee", "/risk top");

        top.Text.Should().Contain("1. RISK-3 SOC2 finding · 🔴 Critical · exposure $900k").And.Contain("2. RISK-1").And.Contain("3. RISK-2 Key engineer leaves · 🟡 Medium · exposure $20k");
        (await Eventually.Until(() => Playground.MessagesAsync("bob"), m => m.Count > 0, "the owner's notice")).Single().Text.Should().Contain("RISK-1 \"Payment provider outage\" is yours to own");
    }

    [Fact]
    public async Task An_unknown_or_missing_owner_falls_to_the_CEO_and_the_reply_says_so()
    {
        (await Playground.OneAsync("alice", "/risk add \"Data centre fire\" category:reliability p:5% impact:$5M owner:@nobody sponsor:dana")).Text
            .Should().Contain("owner:@nobody is not in the directory, so Morgan Reyes (the default owner) owns it");
        (await Playground.OneAsync("alice", "/risk add \"Lawsuit\" category:legal p:10% impact:$1M sponsor:dana")).Text
            .Should().Contain("No owner was named, so Morgan Reyes (the default owner) owns it");
    }

    [Fact]
    public async Task A_missing_sponsor_falls_to_the_CEO_and_the_reply_and_the_CEO_are_told()
    {
        (await Playground.OneAsync("alice", "/risk add \"Lawsuit\" category:legal p:10% impact:$1M owner:@bob")).Text
            .Should().Contain("No sponsor was named, so Morgan Reyes (the default sponsor) sponsors it; name the exec who answers for it with sponsor:@…");
        (await Eventually.Until(() => Playground.MessagesAsync("ceo"), m => m.Count > 0, "the default sponsor's notice")).Single().Text
            .Should().Contain("You sponsor RISK-1 \"Lawsuit\"");
    }

    [Fact]
    public async Task Missing_arguments_open_the_form_and_the_form_adds_the_risk()
    {
        var form = await Playground.OneAsync("alice", "/risk add");
        form.Text.Should().Contain("Missing: a title, category:, p:, impact:.");
        form.Verbs.Should().Contain("risk.add");

        var added = (await Playground.ActionAsync("alice", form.MessageId, "risk.add",
            new { title = "Vendor lock-in", category = "vendor", p = "40%", impact = "$300k", owner = "sam", sponsor = "dana" })).Single();

        added.Text.Should().StartWith("RISK-1 added: 🔴 High, exposure $120k.");
    }

    [Fact]
    public async Task Mitigations_are_listed_and_shipped_with_evidence_that_resolves_to_our_records()
    {
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout latency\" service:payments");

        (await Playground.OneAsync("alice", "/risk mitigate RISK-1 \"Second payment provider\" owner:@sam due:2026-11-20")).Text
            .Should().Contain("1. Second payment provider · Sam Alvarez · due 2026-11-20 · planned");
        await Playground.OneAsync("sam", "/risk done RISK-1 1 evidence:INC-1");

        await Playground.OneAsync("alice", "/risk link RISK-1 evidence:https://status.example.com/incidents/42 indicators:\"p99 checkout latency; provider status page\"");

        var shown = await Playground.OneAsync("lee", "/risk show RISK-1");
        shown.Text.Should().Contain("done 2026-11-02, evidence INC-1 (Sev2 · Checkout latency · declared)");
        CardJson.Facts(shown.Card!).Should().Contain("Leading indicators: p99 checkout latency; provider status page")
            .And.Contain("Evidence: INC-1 (Sev2 · Checkout latency · declared), https://status.example.com/incidents/42");
        (await Playground.OneAsync("lee", "/risk top")).Text.Should().Contain("no mitigation planned");
    }

    [Theory]
    [InlineData("/risk add \"X\" category:weather p:30% impact:$1M", "category:weather is not one of legal, security, reliability, financial, vendor, people, compliance")]
    [InlineData("/risk add \"X\" category:legal p:130% impact:$1M", "p:130% is out of range")]
    [InlineData("/risk add \"X\" category:legal p:30% impact:lots", "impact:lots is not an amount of money")]
    [InlineData("/risk add \"X\" category:legal p:30% impact:$1M sponsor:@ghost", "sponsor:@ghost is not in the directory")]
    [InlineData("/risk show RISK-9", "There is no risk called `RISK-9`")]
    [InlineData("/risk show", "Which risk?")]
    [InlineData("/risk link RISK-1", "Give evidence or indicators")]
    [InlineData("/risk mitigate RISK-1 \"Fix\" owner:sam due:2026-10-01", "due:2026-10-01 is in the past")]
    [InlineData("/risk mitigate RISK-1 \"Fix\" owner:sam due:soon", "due:soon must be a date")]
    [InlineData("/risk done RISK-1 1 evidence:trust-me", "evidence:trust-me is not evidence I can follow")]
    [InlineData("/risk done RISK-1 7 evidence:INC-1", "RISK-1 has no mitigation 7")]
    public async Task Bad_input_is_answered_and_changes_nothing(string command, string expected)
    {
        await Playground.OneAsync("alice", "/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana");

        (await Playground.OneAsync("alice", command)).Text.Should().Contain(expected);

        (await Playground.OneAsync("lee", "/risk show RISK-1")).Text.Should().Contain("None yet.").And.Contain("Evidence: none yet").And.NotContain("RISK-2");
    }
}
