using System.Data.Common;
using ExecOps.Cards;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Conversation;

/// <summary>
/// The channel-neutral front door: every adapter hands it an actor and what they typed or pressed,
/// and renders what comes back. Refusals become plain answers and are audited; nothing here throws
/// at a user. An allowed request that changes an aggregate is audited by the kernel, in the change's own
/// unit of work, with the aggregate as its subject; one that changes nothing is audited here.
/// </summary>
public sealed class ChatCore(IEnumerable<IChatArea> areas, Store store, ILogger<ChatCore> logger)
{
    private readonly IReadOnlyList<IChatArea> areas = areas.ToList();
    private readonly IReadOnlyDictionary<string, IChatArea> byAction = Registry.ByKey(areas, a => a.ActionIds, "card action");

    /// <summary>
    /// A request run again whose change was already applied: nothing is done again. Its answer is kept
    /// only when the first run left none (it stopped between its change and its answers, in a crash);
    /// a request already answered says nothing more (<see cref="Notifications.RequestAnswers"/>).
    /// </summary>
    private static readonly IReadOnlyList<Reply> Redelivered = [Reply.Private("That request was already handled; nothing was done again.")];

    public IReadOnlyList<CommandArea> Areas => areas.Select(a => a.Area).ToList();

    public async Task<IReadOnlyList<Reply>> HandleCommandAsync(Actor actor, string text)
    {
        CommandLine? line = null;
        try
        {
            line = CommandParser.Parse(text);
            if (line.Name is "help" or "execops") return [Reply.Private(Help())];
            var area = areas.FirstOrDefault(a => a.Area.Name == line.Name);
            if (area is null)
                return [Reply.Private($"`/{line.Name}` is not a command I know.\n{Help()}")];
            if ((line.Verb is null && !area.Area.RunsBare) || line.AsksForHelp)
                return [Reply.Private(HelpFor(area.Area, line))];
            if (!actor.IsKnown && !area.IsReadOnly(line))
                throw new RefusedException(RefusalKind.Forbidden,
                    $"You ({actor.Name}) are not in the ExecOps directory, so you can only use read-only commands (show, list, brief, timeline…). Ask an admin to add you.");
            using var audit = AuditScope.Begin(actor.Id, Describe(line));
            var replies = await area.HandleAsync(actor, line);
            if (!audit.Recorded) await AuditAsync(actor, Describe(line), AuditSubjects.Of(line), AuditRows.Allowed, "");
            return replies;
        }
        catch (CommandSyntaxException e)
        {
            return [Reply.Private(e.Message)];
        }
        catch (DbException e)
        {
            return [NotRecorded(e, line is null ? "command" : Describe(line), actor)];
        }
        catch (RefusedException) when (RequestScope.Current?.Duplicate == true)
        {
            return Redelivered;
        }
        catch (RefusedException e)
        {
            await AuditAsync(actor, line is null ? "command" : Describe(line), e.Subject, AuditRows.Refused, e.Message);
            return [Reply.Private(e.Message)];
        }
        catch (ConcurrencyConflictException e)
        {
            return [Reply.Private(e.Message)];
        }
    }

    public async Task<IReadOnlyList<Reply>> HandleActionAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data)
    {
        if (!byAction.TryGetValue(actionId, out var area)) return [Reply.Private($"The button `{actionId}` is not one I know; the card may be from an older version. Ask for a fresh one.")];
        try
        {
            if (!actor.IsKnown)
                throw new RefusedException(RefusalKind.Forbidden, $"You ({actor.Name}) are not in the ExecOps directory, so card buttons are not available to you.");
            using var audit = AuditScope.Begin(actor.Id, actionId);
            var replies = await area.ActAsync(actor, actionId, data);
            if (!audit.Recorded) await AuditAsync(actor, actionId, AuditSubjects.Of(actionId, data), AuditRows.Allowed, "");
            return replies;
        }
        catch (DbException e)
        {
            return [NotRecorded(e, actionId, actor)];
        }
        catch (RefusedException) when (RequestScope.Current?.Duplicate == true)
        {
            return Redelivered;
        }
        catch (RefusedException e)
        {
            await AuditAsync(actor, actionId, e.Subject, AuditRows.Refused, e.Message);
            return e.Kind == RefusalKind.Conflict ? await WithCurrentCardAsync(area, data, e.Message) : [Reply.Private(e.Message)];
        }
        catch (ConcurrencyConflictException e)
        {
            return await WithCurrentCardAsync(area, data, e.Message);
        }
    }

    /// <summary>A stale press is answered with the card as it is now; when there is none (its subject does not exist), with why.</summary>
    private static async Task<IReadOnlyList<Reply>> WithCurrentCardAsync(IChatArea area, IReadOnlyDictionary<string, string> data, string message)
    {
        try
        {
            return await area.CurrentCardAsync(data) is { } current ? [new Reply(ReplyVisibility.Ephemeral, message, current)] : [Reply.Private(message)];
        }
        catch (RefusedException missing)
        {
            return [Reply.Private(missing.Message)];
        }
    }

    /// <summary>
    /// The form a button opens, rebuilt from the current card of what it is about, for platforms
    /// (Slack) that show forms in a separate dialog rather than inside the card.
    /// </summary>
    public async Task<FormButton?> FindFormAsync(string actionId, IReadOnlyDictionary<string, string> data)
    {
        if (!byAction.TryGetValue(actionId, out var area)) return null;
        try
        {
            var card = await area.CurrentCardAsync(data);
            return card?.Buttons.OfType<FormButton>().FirstOrDefault(f => f.ActionId == actionId);
        }
        catch (RefusedException)
        {
            return null;
        }
    }

    public string Help() =>
        "ExecOps.Bot runs the executive operating system in chat. Commands:\n" +
        string.Join("\n", areas.Select(a => $"• `/{a.Area.Name}`: {a.Area.Summary} (`/{a.Area.Name} help`)")) +
        "\n• `/help`: this list";

    private static string HelpFor(CommandArea area, CommandLine line)
    {
        var verb = line.Words.Count > 1 ? area.Find(line.Words[0]) : null;
        return verb is null ? area.Help() : area.Help(verb);
    }

    private static string Describe(CommandLine line) => $"/{line.Name} {line.Verb}".TrimEnd();

    /// <summary>
    /// The store refused the unit of work (a change, its timeline, its messages and its audit row commit
    /// together or not at all): nothing was done, and the person is told so rather than given a 500.
    /// </summary>
    private Reply NotRecorded(DbException e, string action, Actor actor)
    {
        logger.LogError(e, "The store refused {Action} by {Actor}; nothing was done.", action, actor.Id);
        return Reply.Private("Nothing was done: the change could not be recorded (with its audit row) in the bot's database. Try again in a moment; if it keeps failing, tell an admin.");
    }

    private async Task AuditAsync(Actor actor, string action, string? subject, string outcome, string detail)
    {
        try
        {
            await store.WriteAsync(async u => { await u.Audit.AppendAsync(actor.Id, action, subject ?? "", outcome, detail); return true; });
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not audit {Outcome} {Action} by {Actor}.", outcome, action, actor.Id);
        }
    }
}
