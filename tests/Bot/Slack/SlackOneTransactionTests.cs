using System.Net;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Slack;

/// <summary>One request, one transaction: a slash command answered in its HTTP response writes its inbox row, handled, with its change.</summary>
public sealed class SlackOneTransactionTests : SlackBotTest
{
    // Deliveries write units of their own; the test counts the command's alone.
    protected override Dictionary<string, string?> Settings() => new() { ["Outbox:Dispatch"] = "false" };

    [Fact]
    public async Task A_slash_command_answered_in_time_is_one_unit_of_work_with_its_inbox_row_handled()
    {
        var store = Bot.Services.GetRequiredService<Store>();
        await Playground.OneAsync("alice", "/risk add \"Warm-up\" category:reliability p:10% impact:$10k owner:alice sponsor:dana");
        var before = store.Committed.Units;

        var response = await Requests.CommandAsync("U01ALICE01", "/risk", "add \"Vendor lock-in\" category:reliability p:10% impact:$10k owner:alice sponsor:dana", Slack.ResponseUrl("one"), triggerId: "trigger-one");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("RISK-2 added");
        (store.Committed.Units - before).Should().Be(1, "the risk, its timeline, outbox and audit rows and the inbox row commit as one unit");
        await using var unit = await store.BeginAsync();
        (await unit.Inbox.PendingAsync(DateTimeOffset.MaxValue, 10)).Should().BeEmpty("the inbox row went in already handled");
        (await unit.Inbox.ExistsAsync("command/trigger-one/U01ALICE01/" + Bot.Clock.GetUtcNow().ToUnixTimeSeconds())).Should().BeTrue("a retry of it is recognised");
    }
}
