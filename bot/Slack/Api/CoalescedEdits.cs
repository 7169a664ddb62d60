using System.Text.Json.Nodes;

namespace ExecOps.Bot.Slack.Api;

/// <summary>
/// Edits of one message that queue behind Slack's chat.update pace (about 50 a minute) collapse into
/// the newest: a card pressed many times in a second is edited once, with what it shows by the time
/// its turn comes, rather than once per press, minutes late. Every caller hears how that edit went.
/// </summary>
public sealed class CoalescedEdits
{
    private readonly object gate = new();
    private readonly Dictionary<string, Pending> waiting = [];

    /// <param name="message">Which message (channel and ts).</param>
    /// <param name="body">What it should show.</param>
    /// <param name="send">Sends the edit; calls its argument, once its turn has come, for the newest body.</param>
    public Task EditAsync(string message, JsonObject body, Func<Func<JsonObject>, Task> send)
    {
        Pending pending;
        lock (gate)
        {
            if (waiting.TryGetValue(message, out var queued))
            {
                queued.Body = body;
                return queued.Done.Task;
            }
            pending = new Pending(body);
            waiting[message] = pending;
        }
        _ = SendAsync(message, pending, send);
        return pending.Done.Task;
    }

    private async Task SendAsync(string message, Pending pending, Func<Func<JsonObject>, Task> send)
    {
        try
        {
            await send(() => Take(message, pending));
            pending.Done.SetResult();
        }
        catch (Exception e)
        {
            Take(message, pending);
            pending.Done.SetException(e);
        }
    }

    /// <summary>The newest body; from here on a new edit of the message waits for a turn of its own.</summary>
    private JsonObject Take(string message, Pending pending)
    {
        lock (gate)
        {
            if (waiting.TryGetValue(message, out var current) && current == pending) waiting.Remove(message);
            return pending.Body;
        }
    }

    private sealed class Pending(JsonObject body)
    {
        public JsonObject Body { get; set; } = body;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
