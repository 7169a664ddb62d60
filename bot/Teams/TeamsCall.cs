using System.Text.Json.Nodes;
using ExecOps.Bot.Notifications;
using ExecOps.Bot.Teams.Connector;

namespace ExecOps.Bot.Teams;

/// <summary>
/// One Bot Connector call that answers an activity, rendered when the activity was handled and kept in
/// the outbox until Teams takes it: a message in the conversation, a reply to the activity, or an
/// update of the shared copy of a pressed card.
/// </summary>
public sealed record TeamsCall(string Kind, string ServiceUrl, string ConversationId, string? ActivityId, JsonObject Activity)
{
    private const string Send = "send";
    private const string Reply = "reply";
    private const string Update = "update";

    public static TeamsCall Message(string serviceUrl, string conversationId, JsonObject activity) => new(Send, serviceUrl, conversationId, null, activity);

    public static TeamsCall ReplyTo(string serviceUrl, string conversationId, string activityId, JsonObject activity) => new(Reply, serviceUrl, conversationId, activityId, activity);

    public static TeamsCall Replace(string serviceUrl, string conversationId, string activityId, JsonObject activity) => new(Update, serviceUrl, conversationId, activityId, activity);

    /// <summary>One conversation's answers go in order; a newer update of the same card stands in for an older one still waiting.</summary>
    public Answer ToAnswer() => new(ConversationId,
        new JsonObject { ["kind"] = Kind, ["serviceUrl"] = ServiceUrl, ["conversation"] = ConversationId, ["activityId"] = ActivityId, ["activity"] = Activity.DeepClone() },
        Kind == Update ? $"{ConversationId}/{ActivityId}" : null);

    /// <summary>Reads back what <see cref="ToAnswer"/> kept.</summary>
    public static TeamsCall From(JsonObject call) =>
        new(Text(call, "kind") ?? "", Text(call, "serviceUrl") ?? "", Text(call, "conversation") ?? "", Text(call, "activityId"), call["activity"] as JsonObject ?? []);

    private static string? Text(JsonObject call, string field) => call[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public async Task MakeAsync(ConnectorClient connector, CancellationToken cancel)
    {
        switch (Kind)
        {
            case Send: await connector.SendAsync(ServiceUrl, ConversationId, Activity, cancel); break;
            case Reply: await connector.ReplyAsync(ServiceUrl, ConversationId, ActivityId ?? "", Activity, cancel); break;
            case Update: await connector.UpdateAsync(ServiceUrl, ConversationId, ActivityId ?? "", Activity, cancel); break;
            default: throw new DeliveryFailedException($"An answer kept for Teams names no call this version makes ({Kind}).", permanent: true);
        }
    }
}
