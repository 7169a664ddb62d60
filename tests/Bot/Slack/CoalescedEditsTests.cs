using System.Text.Json.Nodes;
using ExecOps.Bot.Slack.Api;

namespace ExecOps.Tests.Bot.Slack;

public sealed class CoalescedEditsTests
{
    private static JsonObject Body(string text) => new() { ["text"] = text };

    [Fact]
    public async Task Edits_of_one_message_waiting_for_their_turn_go_out_once_as_the_newest()
    {
        var edits = new CoalescedEdits();
        var turn = new TaskCompletionSource();
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        async Task Send(Func<JsonObject> newest)
        {
            await turn.Task;
            sent.Enqueue(newest()["text"]!.GetValue<string>());
        }

        var waiting = new[] { "first", "second", "third" }.Select(text => edits.EditAsync("C1/1.0", Body(text), Send)).ToList();
        var otherMessage = edits.EditAsync("C1/2.0", Body("elsewhere"), Send);
        turn.SetResult();
        await Task.WhenAll(waiting.Append(otherMessage));

        sent.Should().BeEquivalentTo(["third", "elsewhere"]);
        await edits.EditAsync("C1/1.0", Body("after"), Send);
        sent.Last().Should().Be("after", "an edit that arrives once the last one went out gets a turn of its own");
    }

    [Fact]
    public async Task Every_caller_whose_edit_was_folded_in_hears_that_it_failed()
    {
        var edits = new CoalescedEdits();
        var turn = new TaskCompletionSource();
        async Task Send(Func<JsonObject> newest)
        {
            await turn.Task;
            newest();
            throw new SlackApiException("chat.update", "message_not_found", true, "Slack refused chat.update: message_not_found");
        }

        var waiting = Enumerable.Range(1, 3).Select(i => edits.EditAsync("C1/1.0", Body($"edit {i}"), Send)).ToList();
        turn.SetResult();

        foreach (var edit in waiting)
            (await edit.Invoking(e => e).Should().ThrowAsync<SlackApiException>()).Which.Error.Should().Be("message_not_found");
    }
}
