using ExecOps.Tests.Support;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Incidents;

/// <summary>Each kind of bad input gets a plain answer, changes nothing, and refusals land in the audit log.</summary>
public sealed class IncidentBadInputTests : BotTest
{
    private async Task<(long Version, string State, int Timeline, int Outbox)> SnapshotAsync()
    {
        await Bot.Dispatcher.DispatchDueAsync();
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        var incident = await unit.Aggregates.FindAsync<IncidentData>(Incident.Kind, "INC-1");
        var counts = await unit.Outbox.CountAsync();
        return (incident?.Version ?? 0, incident?.Body.State.ToString() ?? "none", (await unit.Timeline.ListAsync("INC-1")).Count, counts.Pending + counts.Delivered + counts.Failed);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync()
    {
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        return await unit.Audit.ListAsync();
    }

    [Theory]
    [InlineData("alice", "/frobnicate", "`/frobnicate` is not a command I know")]
    [InlineData("alice", "/incident declare", "The severity and title are missing. Usage: `/incident declare <sev1|sev2|sev3|sev4>")]
    [InlineData("alice", "/incident declare sev9 \"Nope\"", "`sev9` is not a severity. Use sev1 (critical)")]
    [InlineData("alice", "/incident update INC-99 \"hello\"", "There is no incident INC-99")]
    [InlineData("alice", "/incident close", "INC-1 is investigating, so you cannot close it now")]
    [InlineData("bob", "/incident resolve", "Only its incident commander or someone with the incident-commander role can resolve INC-1; you are Bob Martins")]
    [InlineData("U-STRANGER", "/incident update \"hi\"", "not in the ExecOps directory, so you can only use read-only commands")]
    [InlineData("alice", "/incident role ops @nobody", "There is nobody called `nobody` in the directory")]
    [InlineData("alice", "/incident update \"unterminated", "never closed")]
    public async Task Bad_input_is_answered_privately_and_changes_nothing(string who, string text, string answer)
    {
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");
        await Playground.OneAsync("alice", "/incident investigate");
        var before = await SnapshotAsync();

        var reply = await Playground.OneAsync(who, text);

        reply.Visibility.Should().Be("ephemeral");
        reply.Text.Should().Contain(answer);
        reply.Text.Should().NotContain("Exception").And.NotContain("   at ");
        (await SnapshotAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_title_over_200_characters_is_refused_and_nothing_is_declared()
    {
        var reply = await Playground.OneAsync("alice", $"/incident declare sev2 \"{new string('x', 201)}\"");

        reply.Text.Should().Contain("201 characters").And.Contain("200");
        (await SnapshotAsync()).State.Should().Be("none");
        (await Playground.OneAsync("alice", "/incident declare sev2 \"Fits\"")).Text.Should().StartWith("INC-1 ", "the refused declaration used no number");
    }

    [Fact]
    public async Task A_refusal_is_audited_with_who_what_and_why()
    {
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");

        await Playground.OneAsync("bob", "/incident resolve INC-1");

        var refusal = (await AuditAsync()).Should().ContainSingle(a => a.Outcome == AuditRows.Refused).Subject;
        refusal.Actor.Should().Be("bob");
        refusal.Action.Should().Be("/incident resolve");
        refusal.Subject.Should().Be("INC-1");
        refusal.Detail.Should().Contain("Only its incident commander");
    }

    [Fact]
    public async Task A_card_button_pressed_by_someone_without_the_role_is_refused_and_audited()
    {
        var card = await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");

        var replies = await Playground.ActionAsync("bob", card.MessageId, "incident.resolve", card.ActionData("incident.resolve"));

        replies.Should().ContainSingle().Which.Text.Should().Contain("Only its incident commander");
        (await SnapshotAsync()).State.Should().Be("Declared");
        (await AuditAsync()).Should().Contain(a => a.Action == "incident.resolve" && a.Outcome == AuditRows.Refused && a.Actor == "bob");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("")]
    public async Task A_press_that_does_not_say_which_card_version_it_saw_is_refused_as_stale_with_the_current_card(string? version)
    {
        var card = await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");
        var data = card.ActionData("incident.investigate");
        if (version is null) data.Remove("version");
        else data["version"] = version;

        var replies = await Playground.ActionAsync("alice", card.MessageId, "incident.investigate", data);

        var refusal = replies.Should().ContainSingle().Subject;
        refusal.Text.Should().Contain("did not say which version of the card").And.Contain("Nothing was done");
        refusal.Card.Should().NotBeNull("the current card comes with the refusal");
        CardJson.Verbs(refusal.Card!).Should().Contain("incident.investigate");
        (await SnapshotAsync()).State.Should().Be("Declared");
    }

    [Fact]
    public async Task Help_answers_for_the_bot_for_an_area_and_for_one_command()
    {
        (await Playground.OneAsync("lee", "/help")).Text.Should().Contain("`/incident`");
        (await Playground.OneAsync("lee", "/incident help")).Text.Should().Contain("/incident declare").And.Contain("/incident trends");
        (await Playground.OneAsync("lee", "/incident declare help")).Text.Should().StartWith("`/incident declare <sev1|sev2|sev3|sev4>");
    }

    [Fact]
    public async Task A_stranger_may_read()
    {
        await Playground.OneAsync("alice", "/incident declare sev1 \"Checkout 5xx\"");

        (await Playground.OneAsync("U-STRANGER", "/incident list")).Text.Should().Contain("INC-1");
        (await Playground.OneAsync("U-STRANGER", "/incident show INC-1")).Card.Should().NotBeNull();
    }
}
