using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Decisions;

/// <summary>
/// A decision is approved by an exec who did not propose it: the $10B self-approval a person without
/// roles once got through, refused at each step, and nothing of it reaching the log or the board packet.
/// </summary>
public sealed class DecisionAuthorityTests : BotTest
{
    [Fact]
    public async Task Naming_yourself_approver_is_refused_and_nothing_is_logged()
    {
        var refusal = await Playground.OneAsync("lee", "/decision new \"Big bet\" verdict:expand owner:@lee approver:@lee budget:$10B");

        refusal.Text.Should().Be("You (Lee Park) cannot approve your own decision; name another approver who holds the exec role.");
        (await Playground.OneAsync("ceo", "/decision export")).Text.Should().NotContain("Big bet");
    }

    [Fact]
    public async Task An_approver_without_the_exec_role_is_refused_when_named()
    {
        var refusal = await Playground.OneAsync("lee", "/decision new \"Big bet\" verdict:expand owner:@lee approver:@bob budget:$10B");

        refusal.Text.Should().Be("approver:bob (Bob Martins) does not hold the exec role, so cannot approve a decision; name someone who does.");
    }

    [Fact]
    public async Task Only_the_named_exec_approves_and_the_refusal_says_what_is_needed()
    {
        var proposed = await Playground.OneAsync("lee", "/decision new \"Support bot\" verdict:hold owner:@lee approver:@dana budget:$50k");
        var data = proposed.ActionData("decision.approve");

        var byCeo = (await Playground.ActionAsync("ceo", proposed.MessageId, "decision.approve", data)).Single();
        var byDana = (await Playground.ActionAsync("dana", proposed.MessageId, "decision.approve", data)).Single();

        byCeo.Text.Should().Contain("its named approver");
        byDana.Text.Should().Contain("Approved").And.NotContain("cannot");
        CardJson.Facts(byDana.Card!).Should().Contain("State: Approved");
    }
}
