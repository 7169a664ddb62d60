using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Api;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Slack;

/// <summary>
/// Slack's three request URLs. Each verifies the signature before anything else, keeps the request in
/// the inbox, and acknowledges within Slack's three seconds: a command that finishes in time is
/// answered in the response, anything else later through the outbox (response_url or the Web API).
/// </summary>
public static class SlackApi
{
    public static IEndpointRouteBuilder MapSlackApi(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/api/slack");
        slack.MapPost("/commands", CommandAsync);
        slack.MapPost("/interactions", InteractionAsync);
        slack.MapPost("/events", EventAsync);
        return app;
    }

    private static async Task<IResult> CommandAsync(HttpRequest request, SlackRequestReader reader, SlackInbox inbox, IOptions<SlackSettings> settings)
    {
        var (signed, refusal) = await reader.ReadAsync(request);
        if (refusal is not null) return refusal;
        if (SlackCommandHandler.Problem(signed!.Text) is { } problem)
            return Results.Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = problem });

        var form = SlackPayload.Form(signed.Text);
        var key = $"command/{Trigger(form("trigger_id"), signed.Text)}/{form("user_id")}/{request.Headers["X-Slack-Request-Timestamp"]}";
        if (await inbox.TakenAsync(key)) return Results.Ok();

        // Not kept before it runs: its first change keeps it, handled, in one transaction. Only when
        // Slack's budget runs out is it kept first, as not yet handled, and acknowledged then.
        var item = inbox.Unkept(SlackCommandHandler.Kind, key, signed.Text);
        // On the thread pool, because the database calls complete synchronously and would otherwise run past the budget unseen.
        var slot = new ResponseSlot();
        var budget = settings.Value.AnswerBudget;
        // A budget of zero answers every command later: the slot is closed before the run can take it.
        if (budget <= TimeSpan.Zero) slot.TryClose();
        var work = Task.Run(() => inbox.ProcessAsync(item, slot));
        if (budget <= TimeSpan.Zero || (await Task.WhenAny(work, Task.Delay(budget)) != work && slot.TryClose()))
        {
            await inbox.KeepPendingAsync(item);
            return Results.Ok();
        }
        return (await work) is { } answer ? Results.Json(answer) : Results.Ok();
    }

    /// <summary>Slack's trigger_id, or where it sent none, the body's hash: two different requests never share an inbox key, and a retry of one still does.</summary>
    private static string Trigger(string? triggerId, string body) =>
        triggerId is { Length: > 0 } id ? id : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    private static async Task<IResult> InteractionAsync(HttpRequest request, SlackRequestReader reader, SlackInbox inbox)
    {
        var (signed, refusal) = await reader.ReadAsync(request);
        if (refusal is not null) return refusal;
        var payload = SlackPayload.Form(signed!.Text)("payload") ?? "";
        var reading = StrictJson.Parse(payload);
        if (reading.Node is not JsonObject interaction)
            return Problems.BadRequest($"Slack interactions carry a form field `payload` holding one JSON object, each key once and every string whole; this request had none. {reading.Problem}".TrimEnd());

        var type = SlackPayload.Text(interaction, "type");
        if (type is not ("block_actions" or "view_submission")) return Results.Ok();
        if (SlackPayload.Text(interaction, "user", "id") is null)
            return Problems.BadRequest($"A {type} payload says who acted in `user.id` (an object with an id); this one does not, so nothing was done.");
        if (type == "block_actions" && SlackPayload.Text(SlackPayload.First(interaction, "actions"), "action_id") is null)
            return Problems.BadRequest("A block_actions payload carries at least one action with an `action_id` in `actions`; this one does not, so nothing was done.");
        if (type == "view_submission" && SlackPayload.Text(interaction, "view", "id") is null)
            return Problems.BadRequest("A view_submission payload carries the submitted `view` (an object with an id); this one does not, so nothing was done.");
        var key = type == "block_actions"
            ? $"action/{SlackPayload.Text(interaction, "user", "id")}/{SlackPayload.Text(SlackPayload.First(interaction, "actions"), "action_ts")}/{Trigger(SlackPayload.Text(interaction, "trigger_id"), payload)}"
            : $"view/{SlackPayload.Text(interaction, "view", "id")}/{SlackPayload.Text(interaction, "view", "hash")}";
        if (await inbox.AcceptAsync(SlackInteractionHandler.Kind, key, payload) is { } item) inbox.HandleSoon(item);
        return Results.Ok();
    }

    private static async Task<IResult> EventAsync(HttpRequest request, SlackRequestReader reader, SlackInbox inbox)
    {
        var (signed, refusal) = await reader.ReadAsync(request);
        if (refusal is not null) return refusal;
        var reading = StrictJson.Parse(signed!.Body);
        if (reading.Node is not JsonObject envelope)
            return Problems.BadRequest($"Slack events are JSON objects, each key once and every string whole; this body is not one. {reading.Problem}".TrimEnd());

        switch (SlackPayload.Text(envelope, "type"))
        {
            case "url_verification":
                return Results.Json(new JsonObject { ["challenge"] = SlackPayload.Text(envelope, "challenge") });
            case "event_callback" when envelope["event"] is not JsonObject:
                return Problems.BadRequest("An event_callback carries its `event` as an object; this one does not, so nothing was done.");
            case "event_callback" when SlackPayload.Text(envelope, "event_id") is { } eventId:
                // A retry (X-Slack-Retry-Num) carries the same event id, so the inbox takes it in once.
                if (await inbox.AcceptAsync(SlackEventHandler.Kind, $"event/{eventId}", signed.Text) is { } item) inbox.HandleSoon(item);
                return Results.Ok();
            case "event_callback":
                return Problems.BadRequest("An event_callback without an event_id cannot be told apart from its retries; refused.");
            default:
                return Results.Ok();
        }
    }

}
