using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Changes;

/// <summary>A Sev1/2 on a service soon after a change there is proposed to its IC as linked; only the IC confirms, and the change then counts as failed.</summary>
public sealed class ChangeIncidentLinkTests : BotTest
{
    private async Task EventAsync(string id, string json) =>
        (await ChangeEvents.PostAsync(Playground.Http, id, json)).Status.Should().Be(System.Net.HttpStatusCode.OK);

    [Fact]
    public async Task The_IC_confirms_the_link_and_the_change_becomes_a_failure_and_a_release_marker()
    {
        var created = await Playground.OneAsync("bob", "/change new tier:1 service:payments \"Card vault v2\" scope:\"x\" rollback:\"y\" metrics:\"error_rate<=1\"");
        await Playground.ActionAsync("sam", created.MessageId, "change.approve", created.ActionData("change.approve"));
        await EventAsync("CHG-1", """{"kind":"started"}""");
        await EventAsync("CHG-1", """{"kind":"completed"}""");
        await Playground.OneAsync("bob", "/change new tier:2 service:search \"Ranking tweak\"");
        await EventAsync("CHG-2", """{"kind":"started"}""");
        await EventAsync("CHG-2", """{"kind":"completed"}""");
        (await Playground.OneAsync("lee", "/change stats weeks:1")).Text.Should().Contain("change failure rate 0% (0 of 1 Tier 0/1)");

        await Playground.OneAsync("alice", "/incident declare sev3 \"Slow receipts\" service:payments");
        await Playground.OneAsync("alice", "/incident declare sev2 \"Checkout 5xx\" service:payments");

        var asked = await Eventually.Until(() => Playground.MessagesAsync("alice"), m => m.Any(x => x.Text.Contains("Link them?")), "the IC's question");
        var question = asked.Should().ContainSingle(m => m.Text.Contains("Link them?"), "only the Sev2, and only the payments change").Subject;
        question.Text.Should().StartWith("INC-2 (Sev2) is on payments, where CHG-1 \"Card vault v2\" finished recently");
        var data = question.Card!["actions"]![0]!["data"]!.AsObject();

        (await Playground.ActionAsync("bob", question.MessageId, "change.link", data)).Single().Text.Should().Contain("Only INC-2's incident commander (alice) confirms");
        CardJson.Facts((await Playground.ActionAsync("alice", question.MessageId, "change.link", data)).Single().Card!).Should().Contain("Linked: yes: CHG-1 counts as a failed change");

        (await Playground.OneAsync("lee", "/change stats weeks:1")).Text.Should().Contain("change failure rate 100% (1 of 1 Tier 0/1)");
        CardJson.Facts((await Playground.OneAsync("dana", "/scoreboard week:current")).Card!).Should().Contain("🔴 Change Failure Rate: red · 100%");
        (await Playground.OneAsync("dana", "/scoreboard week:current")).Text.Should().Contain("🚀 Mon 02 Nov: payments: CHG-1 Card vault v2").And.Contain("🚀 Mon 02 Nov: search: CHG-2 Ranking tweak");
    }
}
