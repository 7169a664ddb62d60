using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Changes;

/// <summary>
/// Change envelopes through the Playground. The ownership map names the services (payments approved by
/// sam, search by alice) and a year-end freeze (2026-12-18..2027-01-04); the test clock starts 2026-11-02.
/// </summary>
public sealed class ChangeEnvelopeTests : BotTest
{
    private const string Tier1 = "/change new tier:1 service:payments \"Card vault v2\" scope:\"vault reads\" rollback:\"flip flag off\" metrics:\"p95_latency_ms<=300, error_rate<=0.5%\" owner:@alice";

    [Fact]
    public async Task A_Tier_1_change_waits_for_its_service_approver_and_anyone_else_is_refused()
    {
        var created = await Playground.OneAsync("alice", Tier1);
        CardJson.Facts(created.Card!).Should().Contain("State: PendingApproval").And.Contain("Guardrails: p95_latency_ms<=300, error_rate<=0.5").And.Contain("Approvals: service approver: waiting");
        var asked = await Eventually.Until(() => Playground.MessagesAsync("sam"), m => m.Any(x => x.Text.Contains("asks for approval of CHG-1")), "the approver's card");
        var card = asked.Single();

        (await Playground.ActionAsync("alice", card.MessageId, "change.approve", created.ActionData("change.approve"))).Single().Text
            .Should().Contain("You (Alice Chen) cannot approve CHG-1: it needs sam (payments's approver)");
        var approved = (await Playground.ActionAsync("sam", card.MessageId, "change.approve", created.ActionData("change.approve"))).Single();
        CardJson.Facts(approved.Card!).Should().Contain("State: Approved").And.Contain("service approver: Sam Alvarez");
        (await Playground.ActionAsync("sam", card.MessageId, "change.approve", created.ActionData("change.approve"))).Single().Text.Should().Contain("changed since that card was shown");
    }

    [Fact]
    public async Task An_edit_after_approval_clears_it_and_asks_again()
    {
        var created = await Playground.OneAsync("alice", Tier1);
        await Playground.ActionAsync("sam", created.MessageId, "change.approve", created.ActionData("change.approve"));

        var edited = await Playground.OneAsync("alice", "/change edit CHG-1 rollback:\"restore the v1 vault from snapshot\"");

        CardJson.Facts(edited.Card!).Should().Contain("State: PendingApproval").And.Contain("Approvals: service approver: waiting").And.Contain("Rollback plan: restore the v1 vault from snapshot");
        await Eventually.Until(() => Playground.MessagesAsync("sam"), m => m.Any(x => x.Text.Contains("CHG-1 was edited after approval")), "the approver asked again");
    }

    [Fact]
    public async Task A_Tier_2_change_approves_itself_but_inside_a_freeze_an_exec_must_approve()
    {
        CardJson.Facts((await Playground.OneAsync("bob", "/change new tier:2 service:search \"Ranking tweak\"")).Card!).Should().Contain("State: Approved").And.Contain("self-approved");

        var frozen = await Playground.OneAsync("bob", "/change new tier:2 service:search \"Holiday banner\" window:2026-12-20T10:00Z..2026-12-20T11:00Z");
        CardJson.Facts(frozen.Card!).Should().Contain("State: PendingApproval").And.Contain("exec (freeze): waiting");
        await Eventually.Until(() => Playground.MessagesAsync("#exec"), m => m.Any(x => x.Text.Contains("CHG-2")), "the exec channel asked");
        (await Playground.ActionAsync("alice", frozen.MessageId, "change.approve", frozen.ActionData("change.approve"))).Single().Text.Should().Contain("it needs an exec (freeze)");
        CardJson.Facts((await Playground.ActionAsync("dana", frozen.MessageId, "change.approve", frozen.ActionData("change.approve"))).Single().Card!).Should().Contain("State: Approved");

        var calendar = await Playground.OneAsync("lee", "/change calendar");
        calendar.Text.Should().Contain("❄️ Year-end: 2026-12-18 00:00..2027-01-04 00:00 UTC").And.Contain("None open.");
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_sends_the_change_back_to_draft()
    {
        var created = await Playground.OneAsync("alice", Tier1);

        (await Playground.ActionAsync("sam", created.MessageId, "change.reject", created.ActionData("change.reject"))).Single().Text.Should().Contain("Say why");
        var data = new Dictionary<string, string>(created.ActionData("change.reject").Select(p => KeyValuePair.Create(p.Key, (string)p.Value!))) { ["reason"] = "No canary stage" };
        CardJson.Facts((await Playground.ActionAsync("sam", created.MessageId, "change.reject", data)).Single().Card!).Should().Contain("State: Draft");
        await Eventually.Until(() => Playground.MessagesAsync("alice"), m => m.Any(x => x.Text.Contains("Sam Alvarez rejected CHG-1: No canary stage")), "the owner told");
    }

    [Fact]
    public async Task Missing_arguments_open_the_form_and_the_form_opens_the_change()
    {
        var form = await Playground.OneAsync("alice", "/change new service:payments");
        form.Text.Should().Contain("Missing: tier:, a title.");

        var created = (await Playground.ActionAsync("alice", form.MessageId, "change.new",
            new { tier = "1", service = "payments", title = "Vault v2", scope = "vault reads", rollback = "flag off", metrics = "error_rate<=0.5%" })).Single();

        CardJson.Facts(created.Card!).Should().Contain("State: PendingApproval").And.Contain("Tier / service: Tier 1 · payments");
    }

    [Theory]
    [InlineData("/change new tier:1 service:payments \"Vault\" metrics:\"error_rate<=1\"", "A Tier 1 change needs scope:\"…\", rollback:\"…\"")]
    [InlineData("/change new tier:0 service:payments \"Vault\" scope:x rollback:y metrics:\"latency is fine\"", "These guardrails do not parse: `latency is fine`")]
    [InlineData("/change new tier:1 service:billing \"Vault\"", "service:billing is not in the ownership map. Known: identity, ledger, payments, search, search-index, warehouse")]
    [InlineData("/change new tier:7 service:payments \"Vault\"", "tier:7 is not a tier")]
    [InlineData("/change new tier:high service:payments \"Vault\"", "tier:high is not a number")]
    [InlineData("/change new tier:1 service:payments \"Vault\" scope:x rollback:y metrics:\"error_rate<=1\" idempotent:yes", "with a data migration needs lock:<budget>, migration-rollback:\"…\"")]
    [InlineData("/change new tier:2 service:payments \"Vault\" window:tomorrow", "window:tomorrow is not a window")]
    [InlineData("/change show CHG-9", "There is no change called `CHG-9`")]
    public async Task Bad_input_is_answered_and_nothing_is_created(string command, string expected)
    {
        (await Playground.OneAsync("alice", command)).Text.Should().Contain(expected);

        (await Playground.OneAsync("lee", "/change show CHG-1")).Text.Should().Contain("There is no change called `CHG-1`");
    }
}
