using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Bot.Api;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Slack;

/// <summary>What Slack is told back: an answer to send in the acknowledgement, or why the request was refused; neither is a plain "taken".</summary>
public sealed record SlackIntakeResult(JsonObject? Answer = null, string? Problem = null)
{
    public static readonly SlackIntakeResult Taken = new();
}

/// <summary>
/// Takes a verified Slack request into the inbox, the same whichever receiver brought it (the HTTP endpoints, or a Socket Mode
/// envelope): each is deduplicated by Slack's own ids and answered within Slack's three seconds, a command that finishes in time
/// with its answer, anything else later through the outbox.
/// </summary>
public sealed class SlackIntake(SlackInbox inbox, IOptions<SlackSettings> settings)
{
    /// <param name="form">The command's form-encoded fields, as the commands endpoint receives them.</param>
    /// <param name="delivery">What tells one delivery of the same press from a retry: the request's timestamp over HTTP; over Socket Mode, nothing (a retried envelope is the same command).</param>
    public async Task<SlackIntakeResult> CommandAsync(string form, string delivery)
    {
        if (SlackCommandHandler.Problem(form) is { } problem)
            return new(new JsonObject { ["response_type"] = "ephemeral", ["text"] = problem });
        var field = SlackPayload.Form(form);
        var key = $"command/{Trigger(field("trigger_id"), form)}/{field("user_id")}/{delivery}";
        if (await inbox.TakenAsync(key)) return SlackIntakeResult.Taken;

        // Not kept before it runs: its first change keeps it, handled, in one transaction. Only when
        // Slack's budget runs out is it kept first, as not yet handled, and acknowledged then.
        var item = inbox.Unkept(SlackCommandHandler.Kind, key, form);
        // On the thread pool, because the database calls complete synchronously and would otherwise run past the budget unseen.
        var slot = new ResponseSlot();
        var budget = settings.Value.AnswerBudget;
        // A budget of zero answers every command later: the slot is closed before the run can take it.
        if (budget <= TimeSpan.Zero) slot.TryClose();
        var work = Task.Run(() => inbox.ProcessAsync(item, slot));
        if (budget <= TimeSpan.Zero || (await Task.WhenAny(work, Task.Delay(budget)) != work && slot.TryClose()))
        {
            await inbox.KeepPendingAsync(item);
            return SlackIntakeResult.Taken;
        }
        return new(await work);
    }

    /// <param name="payload">The interaction's JSON, as the interactions endpoint finds it in its `payload` field.</param>
    public async Task<SlackIntakeResult> InteractionAsync(string payload)
    {
        var reading = StrictJson.Parse(payload);
        if (reading.Node is not JsonObject interaction)
            return new(Problem: $"Slack interactions carry a form field `payload` holding one JSON object, each key once and every string whole; this request had none. {reading.Problem}".TrimEnd());

        var type = SlackPayload.Text(interaction, "type");
        if (type is not ("block_actions" or "view_submission")) return SlackIntakeResult.Taken;
        if (SlackPayload.Text(interaction, "user", "id") is null)
            return new(Problem: $"A {type} payload says who acted in `user.id` (an object with an id); this one does not, so nothing was done.");
        if (type == "block_actions" && SlackPayload.Text(SlackPayload.First(interaction, "actions"), "action_id") is null)
            return new(Problem: "A block_actions payload carries at least one action with an `action_id` in `actions`; this one does not, so nothing was done.");
        if (type == "view_submission" && SlackPayload.Text(interaction, "view", "id") is null)
            return new(Problem: "A view_submission payload carries the submitted `view` (an object with an id); this one does not, so nothing was done.");
        var key = type == "block_actions"
            ? $"action/{SlackPayload.Text(interaction, "user", "id")}/{SlackPayload.Text(SlackPayload.First(interaction, "actions"), "action_ts")}/{Trigger(SlackPayload.Text(interaction, "trigger_id"), payload)}"
            : $"view/{SlackPayload.Text(interaction, "view", "id")}/{SlackPayload.Text(interaction, "view", "hash")}";
        if (await inbox.AcceptAsync(SlackInteractionHandler.Kind, key, payload) is { } item) inbox.HandleSoon(item);
        return SlackIntakeResult.Taken;
    }

    /// <param name="body">The Events API's JSON, as the events endpoint receives it.</param>
    public async Task<SlackIntakeResult> EventAsync(string body)
    {
        var reading = StrictJson.Parse(body);
        if (reading.Node is not JsonObject envelope)
            return new(Problem: $"Slack events are JSON objects, each key once and every string whole; this body is not one. {reading.Problem}".TrimEnd());

        switch (SlackPayload.Text(envelope, "type"))
        {
            case "url_verification":
                return new(new JsonObject { ["challenge"] = SlackPayload.Text(envelope, "challenge") });
            case "event_callback" when envelope["event"] is not JsonObject:
                return new(Problem: "An event_callback carries its `event` as an object; this one does not, so nothing was done.");
            case "event_callback" when SlackPayload.Text(envelope, "event_id") is { } eventId:
                // A retry carries the same event id, so the inbox takes it in once.
                if (await inbox.AcceptAsync(SlackEventHandler.Kind, $"event/{eventId}", body) is { } item) inbox.HandleSoon(item);
                return SlackIntakeResult.Taken;
            case "event_callback":
                return new(Problem: "An event_callback without an event_id cannot be told apart from its retries; refused.");
            default:
                return SlackIntakeResult.Taken;
        }
    }

    /// <summary>Slack's trigger_id, or where it sent none, the body's hash: two different requests never share an inbox key, and a retry of one still does.</summary>
    private static string Trigger(string? triggerId, string body) =>
        triggerId is { Length: > 0 } id ? id : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
