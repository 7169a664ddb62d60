using ExecOps.Cards;
using ExecOps.Bot.StatusPages;
using ExecOps.Cards.Incidents;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/incident` and the incident card's buttons, turned into service calls and answered with cards.</summary>
public sealed class IncidentArea(IncidentService incidents, IncidentQueries queries, IncidentSettings settings, PeopleDirectory people, ChangeService changes, StatuspageSettings statuspage, TimeProvider clock) : IChatArea
{
    public CommandArea Area => IncidentCommands.Area;

    public bool IsReadOnly(CommandLine line) => IncidentCommands.IsReadOnly(line.Verb);

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, IncidentCommands.Parse(line, clock.GetUtcNow()));

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, IncidentActionRequests.Parse(actionId, data));

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, IncidentRequest request) => request switch
    {
        DeclareIncident d => Shared(await SuspectChangesAsync(await incidents.DeclareAsync(actor, d.Severity, d.Title, d.Service, d.Impact))),
        TakeStep s => Shared(await incidents.ActAsync(actor, s.IncidentId, i => i.Step(actor, s.Step), s.Seen)),
        PostStatusUpdate u => Shared(await incidents.ActAsync(actor, u.IncidentId, i => i.PostUpdate(actor, u.Text), u.Seen)),
        SetSeverity s => Shared(await SuspectChangesAsync(await incidents.ActAsync(actor, s.IncidentId, i => i.ChangeSeverity(actor, s.Severity)))),
        GiveRole r => Shared(await incidents.ActAsync(actor, r.IncidentId, i => i.AssignRole(actor, r.Role, people.Require(r.Person)))),
        WritePostmortem p => Shared(await incidents.PostmortemAsync(actor, p.IncidentId, p.RootCause, p.Summary, p.Prevention, p.Seen)),
        RecordNotified n => Shared(await incidents.ActAsync(actor, n.IncidentId, i => i.RecordNotified(actor, n.Customer))),
        RenderComms c => await CommsAsync(actor, c),
        PublishStatusPage p => Shared(await incidents.ActAsync(actor, p.IncidentId, i =>
        {
            EnsureStatusPage();
            i.PublishStatus(actor, IncidentComms.Render(settings, i.Data, "statuspage"));
        }, p.Seen)),
        ShowIncident s => [Reply.Private(IncidentCard.Build(await TargetAsync(actor, s.IncidentId), people))],
        BriefIncident b => [Reply.Private(IncidentBriefCard.Build(await TargetAsync(actor, b.IncidentId), people, clock.GetUtcNow()))],
        ShowTimeline t => [Reply.Private(await TimelineAsync(actor, t.IncidentId))],
        ListIncidents l => [Reply.Private(IncidentListCard.Build(await queries.ListAsync(l.IncludeClosed), l.IncludeClosed, people))],
        ListRepeatOffenders => [Reply.Private(IncidentReportCards.RepeatOffenders(await queries.RepeatOffendersAsync()))],
        ShowTrends t => [Reply.Private(IncidentReportCards.Trends(await queries.TrendsAsync(t.Year, t.Month)))],
        _ => throw new InvalidOperationException($"No handler for {request.GetType().Name}."),
    };

    public IReadOnlyCollection<string> ActionIds => IncidentActions.All;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [Incident.Kind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => IncidentCard.Build(await incidents.GetAsync(subject.Id), people);

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
        if (!request.Publish) return [Reply.Private(IncidentReportCards.Comms(incident, request.Channel, message))];
        EnsureStatusPage();
        IncidentPolicy.EnsureCanPublish(incident.Data, actor);
        var component = statuspage.ComponentOf(incident.Data.Service) is null ? null : $"the {incident.Data.Service} component";
        return [Reply.Private(IncidentReportCards.StatusPagePreview(incident, message, component))];
    }

    private void EnsureStatusPage()
    {
        if (!statuspage.IsOn)
            throw new RefusedException(RefusalKind.NotAllowedNow, "No status page is connected: an admin sets Statuspage:PageId and Statuspage:ApiKey. Until then, `/incident comms statuspage` gives the words to paste.");
    }
}
