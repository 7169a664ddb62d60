using ExecOps.Cards;
using ExecOps.Cards.Incidents;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/incident` and the incident card's buttons, turned into service calls and answered with cards.</summary>
public sealed class IncidentArea(IncidentService incidents, IncidentQueries queries, IncidentSettings settings, PeopleDirectory people, ChangeService changes, TimeProvider clock) : IChatArea
{
    public CommandArea Area => IncidentCommands.Area;

    public bool IsReadOnly(CommandLine line) => IncidentCommands.IsReadOnly(line.Verb);

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        var request = IncidentCommands.Parse(line, clock.GetUtcNow());
        return request switch
        {
            DeclareIncident d => Shared(await SuspectChangesAsync(await incidents.DeclareAsync(actor, d.Severity, d.Title, d.Service, d.Impact))),
            TakeStep s => Shared(await incidents.ActAsync(actor, s.IncidentId, i => i.Step(actor, s.Step))),
            PostStatusUpdate u => Shared(await incidents.ActAsync(actor, u.IncidentId, i => i.PostUpdate(actor, u.Text))),
            SetSeverity s => Shared(await SuspectChangesAsync(await incidents.ActAsync(actor, s.IncidentId, i => i.ChangeSeverity(actor, s.Severity)))),
            GiveRole r => Shared(await incidents.ActAsync(actor, r.IncidentId, i => i.AssignRole(actor, r.Role, people.Require(r.Person)))),
            WritePostmortem p => Shared(await incidents.ActAsync(actor, p.IncidentId, i => i.RecordPostmortem(actor, p.RootCause, p.Summary, p.Prevention))),
            RenderComms c => await CommsAsync(actor, c),
            ShowIncident s => [Reply.Private(IncidentCard.Build(await TargetAsync(actor, s.IncidentId), people))],
            BriefIncident b => [Reply.Private(IncidentBriefCard.Build(await TargetAsync(actor, b.IncidentId), people, clock.GetUtcNow()))],
            ShowTimeline t => [Reply.Private(await TimelineAsync(actor, t.IncidentId))],
            ListIncidents l => [Reply.Private(IncidentListCard.Build(await queries.ListAsync(l.IncludeClosed), l.IncludeClosed, people))],
            ListRepeatOffenders => [Reply.Private(IncidentReportCards.RepeatOffenders(await queries.RepeatOffendersAsync()))],
            ShowTrends t => [Reply.Private(IncidentReportCards.Trends(await queries.TrendsAsync(t.Year, t.Month)))],
            _ => throw new InvalidOperationException($"No handler for {request.GetType().Name}."),
        };
    }

    public IReadOnlyCollection<string> ActionIds => IncidentActions.All;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [Incident.Kind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => IncidentCard.Build(await incidents.GetAsync(subject.Id), people);

    public async Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data)
    {
        var id = data.GetValueOrDefault(IncidentActions.Data.Incident)
            ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no incident id; ask for a fresh card with `/incident show INC-n`.");
        if (actionId == IncidentActions.IncidentRefresh) return [Reply.Private(IncidentCard.Build(await incidents.GetAsync(id), people))];
        long? seen = long.TryParse(data.GetValueOrDefault(IncidentActions.Data.Version), out var version) ? version : null;
        Action<Incident> act = actionId switch
        {
            IncidentActions.IncidentUpdate => i => i.PostUpdate(actor, data.GetValueOrDefault(IncidentActions.Data.Text) ?? ""),
            IncidentActions.IncidentPostmortem => i => i.RecordPostmortem(actor, Blank(data, IncidentActions.Data.Cause), Blank(data, IncidentActions.Data.Summary),
                Blank(data, IncidentActions.Data.Systemic) is { } systemic ? [new PreventionItem(systemic, Systemic: true)] : []),
            _ => i => i.Step(actor, StepOf(actionId)),
        };
        return Shared(await incidents.ActAsync(actor, id, act, seen));
    }

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(IncidentActions.Data.Incident) is { } id ? IncidentCard.Build(await incidents.GetAsync(id), people) : null;

    /// <summary>A Sev1/2 on a service with a recent change asks its IC whether the change caused it.</summary>
    private async Task<Incident> SuspectChangesAsync(Incident incident)
    {
        await changes.ProposeLinksAsync(incident);
        return incident;
    }

    private IReadOnlyList<Reply> Shared(Incident incident) => [Reply.ToChannel(IncidentCard.Build(incident, people))];

    private Task<Incident> TargetAsync(Actor actor, string? id) => incidents.FindTargetAsync(actor, id);

    private async Task<Card> TimelineAsync(Actor actor, string? id)
    {
        var target = await TargetAsync(actor, id);
        var (incident, timeline) = await queries.TimelineAsync(target.Id);
        return IncidentTimelineCard.Build(incident, timeline, people);
    }

    private async Task<IReadOnlyList<Reply>> CommsAsync(Actor actor, RenderComms request)
    {
        var incident = await TargetAsync(actor, request.IncidentId);
        var message = IncidentComms.Render(settings, incident.Data, request.Channel);
        return [Reply.Private(IncidentReportCards.Comms(incident, request.Channel, message))];
    }

    private static IncidentTrigger StepOf(string actionId) =>
        Enum.TryParse<IncidentTrigger>(actionId[IncidentActions.IncidentStepPrefix.Length..], ignoreCase: true, out var step) && Incident.Steps.Contains(step)
            ? step
            : throw new RefusedException(RefusalKind.Invalid, $"The button `{actionId}` is not an incident step I know.");

    private static string? Blank(IReadOnlyDictionary<string, string> data, string key) =>
        data.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;
}
