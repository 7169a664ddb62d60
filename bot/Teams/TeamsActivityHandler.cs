using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ExecOps.Bot.Conversation;
using ExecOps.Bot.Notifications;
using ExecOps.Bot.Settings;
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
/// so a redelivery, whether it comes after or during the first, changes nothing; its answers go to
/// the outbox marked with the id, so it answers nobody twice.
/// </remarks>
public sealed class TeamsActivityHandler(ChatCore chat, TeamsPeople teamsPeople, TeamsConversations conversations, RequestAnswers answers, Store store)
{
    private readonly ConcurrentDictionary<string, byte> running = new();

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

    /// <summary>What handling an activity comes to: the HTTP answer (an invoke's), and the calls that go through the outbox.</summary>
    private sealed record Outcome(JsonObject? Response, IReadOnlyList<TeamsCall> Calls);

    /// <summary>
    /// Handles the activity unless it was answered before, or is being handled now (a redelivery while
    /// the first runs); null then. One that a crash stopped between its change and its answers runs
    /// again, changes nothing, and says so.
    /// </summary>
    private async Task<JsonObject?> OnceAsync(TeamsActivity activity, Func<Task<Outcome>> handle)
    {
        if (activity.Id is not { } id) return (await AnsweredAsync(handle)).Response;
        var key = $"teams/{activity.ConversationId}/{id}";
        if (!running.TryAdd(key, 0)) return null;
        try
        {
            if (await store.ReadAsync(scope => scope.Requests.FindAsync(key)) == ProcessedRequestRows.Answered) return null;
            using var request = RequestScope.Begin(key);
            var outcome = await AnsweredAsync(handle);
            return request.Duplicate ? null : outcome.Response;
        }
        finally
        {
            running.TryRemove(key, out _);
        }
    }

    /// <summary>Handles the activity and keeps its calls in the outbox, marked with the request when there is one.</summary>
    private async Task<Outcome> AnsweredAsync(Func<Task<Outcome>> handle)
    {
        var outcome = await handle();
        await answers.KeepAsync(Platforms.Teams, outcome.Calls.Select(c => c.ToAnswer()));
        return outcome;
    }

    private async Task<Outcome> OnMessageAsync(TeamsActivity activity, CancellationToken cancel)
    {
        var actor = await teamsPeople.ResolveAsync(activity, cancel);
        var text = TeamsText.ToCommandText(activity.MessageText);
        var replies = await chat.HandleCommandAsync(actor, text.Length == 0 ? "/help" : text);
        var calls = new List<TeamsCall>();
        foreach (var reply in replies)
        {
            var message = await RenderAsync(activity.IsPersonal ? reply : WithoutPersonalLinks(reply), activity.IsPersonal);
            calls.Add(activity.IsPersonal || activity.Id is null
                ? TeamsCall.Message(activity.ServiceUrl!, activity.ConversationId!, message)
                : TeamsCall.ReplyTo(activity.ServiceUrl!, activity.ConversationId!, activity.Id, message));
        }
        return new Outcome(null, calls);
    }

    private async Task OnConversationUpdateAsync(TeamsActivity activity, CancellationToken cancel)
    {
        if (activity.RecipientId is null || !activity.MembersAdded.Contains(activity.RecipientId)) return;
        await conversations.RememberAsync(activity);
        var greeting = TeamsMessages.Text(
            "Hello, I am ExecOps Bot. Mention me with a command, e.g. `@ExecOps incident declare sev2 \"Checkout latency\"`.\n\n" + chat.Help());
        await OnceAsync(activity, () => Task.FromResult(new Outcome(null, [TeamsCall.Message(activity.ServiceUrl!, activity.ConversationId!, greeting)])));
    }

    /// <summary>The presser gets the new card in the invoke's answer; the shared copy everyone else sees is updated through the outbox.</summary>
    private async Task<Outcome> OnCardActionAsync(TeamsActivity activity, CancellationToken cancel)
    {
        var (verb, data, _) = activity.CardAction();
        if (verb is null) return new Outcome(TeamsMessages.InvokeMessage("That button has no verb, so I cannot tell what it is for. Ask for a fresh card."), []);
        var actor = await teamsPeople.ResolveAsync(activity, cancel);
        var replies = await chat.HandleActionAsync(actor, verb, data);
        var answer = replies.FirstOrDefault();
        if (answer?.Card is not { } card) return new Outcome(TeamsMessages.InvokeMessage(answer?.Text ?? "Done."), []);

        IReadOnlyList<TeamsCall> shared = answer.Visibility == ReplyVisibility.Channel && activity.ReplyToId is { } copy
            ? [TeamsCall.Replace(activity.ServiceUrl!, activity.ConversationId!, copy, await RenderAsync(Reply.ToChannel(card), activity.IsPersonal))]
            : [];
        var mayAct = actor.IsKnown && (card.Actors.Count == 0 || card.Actors.Contains(actor.Id));
        var view = TeamsMessages.For(card, personal: mayAct, await teamsPeople.UserIdsAsync(card.Actors));
        return new Outcome(TeamsMessages.InvokeCard(view), shared);
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
