using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Risks;

namespace ExecOps.Tests.Workflows.Risks;

/// <summary>The `/risk` grammar, from words to typed requests, without the bot around it.</summary>
public sealed class RiskCommandsTests
{
    private static RiskRequest Parse(string text) => RiskCommands.Parse(CommandParser.Parse(text));

    [Fact]
    public void A_complete_add_becomes_a_typed_risk()
    {
        Parse("/risk add \"Checkout outage\" category:reliability p:30% impact:$2M owner:alice sponsor:dana review:2027-01-10").Should().BeEquivalentTo(
            new AddRisk("Checkout outage", RiskCategory.Reliability, 0.3m, 2_000_000m, "", "alice", "dana", new DateOnly(2027, 1, 10)));
    }

    [Fact]
    public void An_add_missing_fields_opens_the_form_naming_them() =>
        Parse("/risk add \"Checkout outage\" p:30%").Should().BeEquivalentTo(new OpenRiskForm(["category:", "impact:"]));

    [Fact]
    public void A_mitigation_reads_its_action_owner_and_due_date() =>
        Parse("/risk mitigate risk-3 \"Second provider\" owner:@sam due:2026-12-01").Should().BeEquivalentTo(new AddMitigation("RISK-3", "Second provider", "@sam", new DateOnly(2026, 12, 1)));

    [Fact]
    public void Indicators_are_split_on_semicolons() =>
        Parse("/risk link RISK-1 evidence:INC-4 indicators:\"p99 latency; provider status\"").Should().BeEquivalentTo(new LinkEvidence("RISK-1", "INC-4", ["p99 latency", "provider status"]));

    [Theory]
    [InlineData("/risk show", "Which risk?")]
    [InlineData("/risk add \"x\" category:weather p:30% impact:$1M", "category:weather is not one of")]
    [InlineData("/risk done RISK-1 one evidence:INC-1", "Which mitigation?")]
    [InlineData("/risk done RISK-1 1 evidence:somewhere", "evidence:somewhere is not evidence I can follow")]
    [InlineData("/risk accept RISK-1 until:soon reason:\"x\"", "until:soon must be a date written YYYY-MM-DD")]
    [InlineData("/risk update RISK-1 p:150%", "out of range")]
    [InlineData("/risk juggle RISK-1", "`/risk juggle` is not a risk command")]
    public void Bad_words_are_refused_saying_what_was_wrong(string text, string message) =>
        FluentActions.Invoking(() => Parse(text)).Should().Throw<RefusedException>().Which.Message.Should().Contain(message);
}
