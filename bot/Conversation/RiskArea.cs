using ExecOps.Cards;
using ExecOps.Cards.Risks;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Bot.Conversation;

/// <summary>`/risk` and the register's card buttons: a typed request to the risk service, and the result as cards.</summary>
public sealed partial class RiskArea(RiskService risks, IncidentService incidents, PeopleDirectory people, TimeProvider clock) : IChatArea
{
    public CommandArea Area => RiskCommands.Area;

    public bool IsReadOnly(CommandLine line) => RiskCommands.IsReadOnly(line.Verb);

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, RiskCommands.Parse(line));

    public IReadOnlyCollection<string> ActionIds => RiskActions.All;

    public IReadOnlyCollection<string> SubjectKinds { get; } = [Risk.Kind, Risk.AcceptanceKind, Risk.EscalationKind, RiskService.ReviewKind, RiskService.ReviewItemKind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => subject.Kind switch
    {
        RiskService.ReviewKind => RiskReviewCards.Agenda(await risks.AgendaAsync(), DateOnly.ParseExact(subject.Id, "yyyy-MM-dd"), people),
        RiskService.ReviewItemKind => RiskReviewCards.Item(await risks.GetAsync(subject.Id), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), people),
        _ => await RiskSubjectCards.ForSubjectAsync(subject.Kind, subject.Id, risks, people),
    };

    public Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data) =>
        AnswerAsync(actor, RiskActionRequests.Parse(actionId, data));

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(RiskActions.Risk) is { } id
            ? await RefreshAsync(RiskActionRequests.RefreshOf(id, data))
            : null;

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, RiskRequest request) => request switch
    {
        OpenRiskForm f => [Reply.Private(NewRiskCard.Build($"Missing: {string.Join(", ", f.Missing)}."))],
        AddRisk a => [await AddAsync(actor, a)],
        ShowTopRisks => [Reply.Private(RiskTopCard.Build(await risks.TopAsync(10), people))],
        RefreshRiskCard r => [Reply.Private(await RefreshAsync(r))],
        ShowRisk s => [Reply.Private(await CardAsync(await risks.GetAsync(s.RiskId)))],
        ShowRiskReview => await ReviewAsync(),
        AddMitigation m => [Shared(await Act(m.RiskId, r => r.Mitigate(actor, m.Action, people.Require(m.Owner ?? actor.Id).Id, m.Due)))],
        ShipMitigation d => [Shared(await risks.ActAsync(d.RiskId, r => r.Done(actor, d.Mitigation, d.Evidence), evidence: d.Evidence))],
        LinkEvidence l => [Reply.Private(await CardAsync(await risks.ActAsync(l.RiskId, r => r.Link(actor, l.Evidence, l.Indicators), evidence: l.Evidence)))],
        RestateRisk u => [Shared(await Act(u.RiskId, r => r.Update(actor, u.Probability, u.ImpactUsd, u.CustomerImpact)))],
        AskAcceptance a => [await AskAcceptanceAsync(actor, a)],
        CloseRisk c => [Shared(await Act(c.RiskId, r => r.Close(actor, c.Review)))],
        ReopenRisk o => [Shared(await Act(o.RiskId, r => r.Reopen(actor)))],
        DecideAcceptance d => [await AcceptanceAsync(actor, d)],
        DecideEscalation e => [await EscalationAsync(actor, e)],
        ReviewDecision v => [Reply.ToChannel(RiskReviewCards.Item(await Act(v.RiskId, r => Review(actor, r, v), v.Seen), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), people))],
        _ => throw new InvalidOperationException($"No handler for {request.GetType().Name}."),
    };

    private Task<Risk> Act(string id, Action<Risk> act, long? seen = null) => risks.ActAsync(id, act, seen);

    private static void Review(Actor actor, Risk risk, ReviewDecision decision)
    {
        switch (decision.Choice)
        {
            case ReviewChoice.Accept: risk.RequestAcceptance(actor, decision.Date!.Value, decision.Reason ?? ""); break;
            case ReviewChoice.Escalate: risk.EscalateFromReview(actor); break;
            case ReviewChoice.Fund: risk.Fund(actor, decision.Note); break;
            default: risk.Close(actor, decision.Date); break;
        }
    }
}
