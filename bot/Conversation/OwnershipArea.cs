using ExecOps.Cards;
using ExecOps.Cards.Ownership;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Ownership;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/owner` and the audit card's button: a typed request to the map, its amendments or the audit, and the result as a card.</summary>
public sealed class OwnershipArea(OwnershipService ownership, OwnershipAudits audits, KpiCatalog kpis, ControlCatalog controls, PeopleDirectory people) : IChatArea
{
    private OwnershipMap Map => ownership.Map;

    public CommandArea Area => OwnershipCommands.Area;

    /// <summary>Who owns what is no secret inside the company, but it is not for strangers either.</summary>
    public bool IsReadOnly(CommandLine line) => false;

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, OwnershipCommands.Parse(line));

    public IReadOnlyCollection<string> ActionIds => OwnershipActions.All;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [OwnershipAudit.Kind, OwnershipAudit.ConfirmationKind];

    public async Task<Card?> SubjectCardAsync(Subject subject)
    {
        if (subject.Kind == OwnershipAudit.Kind) return OwnershipAuditCards.Audit(await audits.AuditAsync(subject.Id), people);
        var slash = subject.Id.IndexOf('/');
        var audit = await audits.AuditAsync(subject.Id[..Math.Max(slash, 0)]);
        return audit.Owners.GetValueOrDefault(subject.Id[(slash + 1)..]) is { } confirmation ? OwnershipAuditCards.Confirmation(audit, confirmation, Map, people) : null;
    }

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, OwnershipActionRequests.Parse(actionId, data));

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, OwnershipRequest request) => request switch
    {
        ShowMap => [Reply.Private(OwnershipCards.Map(Map, people))],
        ShowOwner s => [Reply.Private(Lookup(s.Name))],
        ShowOrphans => [Reply.Private(OwnershipCards.Orphans(Map))],
        ShowLoad l => [Reply.Private(await LoadAsync(l.Weeks))],
        AmendOwnership a => [Reply.Private(Amended(await ownership.AmendAsync(actor, a)))],
        ShowAudit a => [Reply.Private(OwnershipAuditCards.Audit(await audits.AuditAsync(a.Quarter), people))],
        ConfirmOwnership c => [Confirmed(actor, await audits.ConfirmAsync(actor, c.Quarter, c.Owner))],
        DisownEntry d => [new Reply(ReplyVisibility.Ephemeral, $"{d.Entry} is handed back; its team's lead is asked to give it an owner.", OwnershipAuditCards.Audit((await audits.DisownAsync(actor, d.Entry, d.Reason)).Data, people))],
        var other => throw new InvalidOperationException($"No handler for {other.GetType().Name}."),
    };

    /// <summary>The map's entry or team by that name, else a KPI's or a control's owners from their catalogs.</summary>
    private Card Lookup(string name) =>
        Map.Find(name) is { } entry ? OwnershipCards.Entry(Map, entry, people)
        : Map.FindTeam(name) is { } team ? OwnershipCards.Team(Map, team, people)
        : kpis.Find(name) is { } kpi ? OwnershipCards.Kpi(kpi, people)
        : controls.Find(name) is { } control ? OwnershipCards.Control(control, people)
        : throw new RefusedException(RefusalKind.NotFound,
            $"`{name}` is not a service, system, data set or team in the ownership map, nor a KPI or a control. `/owner` lists the map; `/kpi` and `/compliance status` the others.", name);

    private async Task<Card> LoadAsync(int weeks)
    {
        var (teams, from, to) = await ownership.LoadAsync(weeks);
        return OwnershipCards.Load(teams, from, to);
    }

    private static string Amended(IReadOnlyList<OwnershipAmendment> made) =>
        $"The ownership map is amended for {made[0].Target}: {string.Join(", ", made.Select(m => $"{m.Field} → {m.Value}"))}. It is audited, and whoever it concerns is told.";

    private Reply Confirmed(Actor actor, OwnershipAudit audit)
    {
        var text = $"Thank you, {actor.Name}: your ownership is confirmed for the {audit.Data.Quarter} audit.";
        var mine = audit.Data.Owners.Values.FirstOrDefault(o => o.Owner == actor.Id || o.AskedOf == actor.Id);
        return new Reply(ReplyVisibility.Channel, text, mine is null ? null : OwnershipAuditCards.Confirmation(audit.Data, mine, Map, people));
    }
}
