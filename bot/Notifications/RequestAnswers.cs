using System.Text.Json.Nodes;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Notifications;

/// <summary>
/// A platform call that answers a request, already rendered: its lane (the conversation) keeps one
/// conversation's answers in order; <paramref name="Replaces"/> names the message an edit replaces.
/// </summary>
public sealed record Answer(string Lane, JsonObject Call, string? Replaces = null);

/// <summary>
/// Keeps a request's answers, the platform calls that are not its HTTP response, in the outbox, and
/// marks the request answered (and its inbox row handled) in the same unit of work. A post that fails
/// is retried by the outbox, never by running the command again; a request run again after a crash,
/// or delivered again, finds itself answered and says nothing twice.
/// </summary>
public sealed class RequestAnswers(Store store)
{
    public Task KeepAsync(string platform, IEnumerable<Answer> answers, string? inboxKey = null) =>
        store.WriteAsync(async u =>
        {
            if (RequestScope.Current is not { } request || await u.Requests.TryMarkAnsweredAsync(request.Key))
                foreach (var answer in answers)
                    await u.Outbox.EnqueueAnswerAsync(Recipient.Answer(platform, answer.Lane), answer.Call.ToJsonString(), answer.Replaces);
            if (inboxKey is not null) await u.Inbox.MarkProcessedAsync(inboxKey);
            return true;
        });
}
