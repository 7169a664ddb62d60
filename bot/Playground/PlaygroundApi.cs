using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Api;
using ExecOps.Bot.Conversation;
using ExecOps.Cards;
using ExecOps.Cards.Rendering.AdaptiveCards;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Playground;

/// <summary>The Playground channel: a person picker, commands, card actions and an inbox, over HTTP.</summary>
public static class PlaygroundApi
{
    public static IEndpointRouteBuilder MapPlaygroundApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/playground");
        api.MapGet("/people", (PeopleDirectory people) =>
            people.All.Select(p => new PlaygroundPerson(p.Id, p.Name, p.Email, p.Roles.Order().ToList())));
        api.MapPost("/commands", RunCommandAsync);
        api.MapPost("/actions", RunActionAsync);
        api.MapGet("/messages", MessagesAsync);
        return app;
    }

    private static async Task<IResult> RunCommandAsync(HttpRequest request, ChatCore chat, PeopleDirectory people)
    {
        var (command, problem) = await JsonBody.ReadAsync<PlaygroundCommand>(request, """{"as": "dana", "text": "/incident help"}""");
        if (problem is not null) return problem;
        if (string.IsNullOrWhiteSpace(command!.As)) return Problems.BadRequest("Say who is typing: \"as\" is a person id or email from GET /api/playground/people.");
        if (string.IsNullOrWhiteSpace(command.Text)) return Problems.BadRequest("\"text\" is empty; send a command such as \"/incident help\".");
        var replies = await chat.HandleCommandAsync(people.ActorFor(command.As), command.Text);
        return Results.Ok(new PlaygroundReplies(replies.Select(r => ToContract(r, null)).ToList()));
    }

    private static async Task<IResult> RunActionAsync(HttpRequest request, ChatCore chat, PeopleDirectory people)
    {
        var (action, problem) = await JsonBody.ReadAsync<PlaygroundAction>(request, """{"as": "dana", "messageId": "…", "actionId": "incident.resolve", "data": {"incident": "INC-1", "version": "3"}}""");
        if (problem is not null) return problem;
        if (string.IsNullOrWhiteSpace(action!.As)) return Problems.BadRequest("Say who is pressing: \"as\" is a person id or email.");
        if (string.IsNullOrWhiteSpace(action.ActionId)) return Problems.BadRequest("\"actionId\" is missing: it is the verb of the button pressed, such as \"incident.resolve\".");
        var data = (action.Data ?? []).ToDictionary(d => d.Key, d => d.Value.ValueKind == JsonValueKind.String ? d.Value.GetString()! : d.Value.GetRawText());
        var replies = await chat.HandleActionAsync(people.ActorFor(action.As), action.ActionId, data);
        return Results.Ok(new PlaygroundReplies(replies.Select((r, i) => ToContract(r, i == 0 && r.Card is not null ? action.MessageId : null)).ToList()));
    }

    private static async Task<IResult> MessagesAsync(string? to, Store store)
    {
        if (string.IsNullOrWhiteSpace(to)) return Problems.BadRequest("Say whose messages: ?to=<person id> or ?to=<channel name>.");
        var recipient = to.StartsWith('#') ? new Recipient(to) : Recipient.Person(to);
        IReadOnlyList<DeliveredMessage> messages;
        await using (var unit = await store.BeginAsync())
        {
            messages = await unit.Deliveries.ForAsync(recipient.Address);
            if (messages.Count == 0 && !to.StartsWith('#')) messages = await unit.Deliveries.ForAsync(Recipient.Channel(to).Address);
        }
        return Results.Ok(messages.Select(m => new PlaygroundMessage(m.MessageId, m.Recipient, m.At, m.Text, m.Payload is null ? null : JsonNode.Parse(m.Payload))));
    }

    private static PlaygroundReply ToContract(Reply reply, string? messageId) => new(
        messageId ?? $"pg-{Guid.NewGuid():N}",
        reply.Visibility == ReplyVisibility.Channel ? "channel" : "ephemeral",
        reply.Text,
        reply.Card is null ? null : AdaptiveCardRenderer.Render(reply.Card));
}
