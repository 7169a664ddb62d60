using System.Text.Json.Nodes;
using ExecOps.Bot.Conversation;
using ExecOps.Bot.Teams.Connector;
using ExecOps.Cards;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Teams;

/// <summary>
/// What the bot does with an authenticated activity: a message is a command; being added to a
/// conversation is remembered and answered with help; an Action.Execute is answered with the card as
/// it now is, and the shared copy is updated so every viewer sees the new state.
/// </summary>
/// <remarks>
/// The Bot Framework redelivers an activity it got no answer to in time, with the same id. A command
/// or press is handled under that id: the first change it makes claims the id in the same transaction,
/// so a redelivery, whether it comes after or during the first, changes nothing and answers nobody.
/// </remarks>
public sealed class TeamsActivityHandler(ChatCore chat, TeamsPeople teamsPeople, TeamsConversations conversations, ConnectorClient connector, Store store, ILogger<TeamsActivityHandler> logger)
{
    public async Task<JsonObject?> HandleAsync(TeamsActivity activity, CancellationToken cancel)
    {
        switch (activity.Type)
        {
            case "message": await OnceAsync(activity, () => OnMessageAsync(activity, cancel)); return null;
            case "conversationUpdate": await OnConversationUpdateAsync(activity, cancel); return null;
            case "invoke" when activity.Name == "adaptiveCard/action":
                return await OnceAsync(activity, () => OnCardActionAsync(activity, cancel)) ?? TeamsMessages.InvokeMessage("That press was already handled.");
            default: return null;
        }
    }

    /// <summary>Runs <paramref name="handle"/> unless this activity was handled before; null when it was.</summary>
    private async Task<T?> OnceAsync<T>(TeamsActivity activity, Func<Task<T>> handle) where T : class
    {
        if (activity.Id is not { } id) return await handle();
        var key = $"teams/{activity.ConversationId}/{id}";
        if (await store.ReadAsync(scope => scope.Requests.FindAsync(key)) is not null) return null;
        using var request = RequestScope.Begin(key);
        var answer = await handle();
        if (request.Duplicate) return null;
        // A request that changed nothing (a read) claimed nothing, so it is remembered here: its redelivery is not answered twice.
        if (!request.Claimed) await store.WriteAsync(async u => { await u.Requests.RememberAsync(key, "handled"); return true; });
        return answer;
    }

    private async Task OnceAsync(TeamsActivity activity, Func<Task> handle) =>
        await OnceAsync<object>(activity, async () => { await handle(); return activity; });

    private async Task OnMessageAsync(TeamsActivity activity, CancellationToken cancel)
    {
        var actor = await teamsPeople.ResolveAsync(activity, cancel);
        var text = TeamsText.ToCommandText(activity.MessageText);
        var replies = await chat.HandleCommandAsync(actor, text.Length == 0 ? "/help" : text);
        foreach (var reply in replies)
        {
            var message = await RenderAsync(activity.IsPersonal ? reply : WithoutPersonalLinks(reply), activity.IsPersonal);
            try
            {
                if (activity.IsPersonal || activity.Id is null) await connector.SendAsync(activity.ServiceUrl!, activity.ConversationId!, message, cancel);
                else await connector.ReplyAsync(activity.ServiceUrl!, activity.ConversationId!, activity.Id, message, cancel);
            }
            catch (ConnectorException e)
            {
                // The command itself is done and recorded; only the answer did not get through.
                logger.LogWarning("Could not answer in Teams conversation {Conversation}: {Status} {Error}.", activity.ConversationId, e.Status, e.Message);
            }
        }
    }

    private async Task OnConversationUpdateAsync(TeamsActivity activity, CancellationToken cancel)
    {
        if (activity.RecipientId is null || !activity.MembersAdded.Contains(activity.RecipientId)) return;
        await conversations.RememberAsync(activity);
        try
        {
            await connector.SendAsync(activity.ServiceUrl!, activity.ConversationId!, TeamsMessages.Text(
                "Hello, I am ExecOps Bot. Mention me with a command, e.g. `@ExecOps incident declare sev2 \"Checkout latency\"`.\n\n" + chat.Help()), cancel);
        }
        catch (ConnectorException e)
        {
            logger.LogWarning("Could not greet Teams conversation {Conversation}: {Status}.", activity.ConversationId, e.Status);
        }
    }

    private async Task<JsonObject> OnCardActionAsync(TeamsActivity activity, CancellationToken cancel)
    {
        var (verb, data, _) = activity.CardAction();
        if (verb is null) return TeamsMessages.InvokeMessage("That button has no verb, so I cannot tell what it is for. Ask for a fresh card.");
        var actor = await teamsPeople.ResolveAsync(activity, cancel);
        var replies = await chat.HandleActionAsync(actor, verb, data);
        var answer = replies.FirstOrDefault();
        if (answer?.Card is not { } card) return TeamsMessages.InvokeMessage(answer?.Text ?? "Done.");

        if (answer.Visibility == ReplyVisibility.Channel && activity.ReplyToId is { } shared)
            await UpdateSharedCopyAsync(activity, card, shared, cancel);
        var mayAct = actor.IsKnown && (card.Actors.Count == 0 || card.Actors.Contains(actor.Id));
        var view = TeamsMessages.For(card, personal: mayAct, await teamsPeople.UserIdsAsync(card.Actors));
        return TeamsMessages.InvokeCard(view);
    }

    private async Task UpdateSharedCopyAsync(TeamsActivity activity, Card card, string activityId, CancellationToken cancel)
    {
        try
        {
            await connector.UpdateAsync(activity.ServiceUrl!, activity.ConversationId!, activityId, await RenderAsync(Reply.ToChannel(card), activity.IsPersonal), cancel);
        }
        catch (ConnectorException e)
        {
            // The actor already has the new card from the invoke response; others catch up on their next refresh.
            logger.LogWarning("Could not update the shared card {Activity}: {Status}.", activityId, e.Status);
        }
    }

    /// <summary>
    /// Teams cannot show a reply to one person where others read, and a link on a private reply is
    /// signed for its asker (a report, the scoreboard page): anyone there could open it as them.
    /// </summary>
    private static Reply WithoutPersonalLinks(Reply reply) =>
        reply is { Visibility: ReplyVisibility.Ephemeral, Card: { } card } && card.Buttons.OfType<LinkButton>().Any()
            ? reply with
            {
                Card = card with
                {
                    Body = [.. card.Body, new TextBlock("Links signed for you are given only in our 1:1 chat, never where others can read.", TextStyle.Subtle)],
                    Buttons = [.. card.Buttons.Where(b => b is not LinkButton)],
                },
            }
            : reply;

    private async Task<JsonObject> RenderAsync(Reply reply, bool personal) =>
        reply.Card is { } card
            ? TeamsMessages.WithCard(TeamsMessages.For(card, personal, await teamsPeople.UserIdsAsync(card.Actors)), card.Title)
            : TeamsMessages.Text(reply.Text);
}
