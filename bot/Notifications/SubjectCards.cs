using ExecOps.Cards;
using ExecOps.Cards.Incidents;
using ExecOps.Cards.Changes;
using ExecOps.Cards.Decisions;
using ExecOps.Cards.Kpis;
using ExecOps.Cards.Risks;
using ExecOps.Bot.Reports;
using ExecOps.Cards.Scoreboard;
using ExecOps.Workflows;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Changes;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reports;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Bot.Notifications;

/// <summary>The current card of whatever a notification is about, built when it is delivered so it is never stale.</summary>
public sealed class SubjectCards(IncidentService incidents, ScoreboardService reviews, KpiService changes, KpiCatalog catalog, RiskService risks, ChangeService envelopes, DecisionService decisions, ReportDrafts reports, ReportLinks links, PeopleDirectory people, TimeProvider clock)
{
    /// <summary>
    /// What goes with a notification to <paramref name="to"/>: the subject's current card, and a report's
    /// files for platforms that take uploads. A person gets links signed for them where the card has any.
    /// </summary>
    public async Task<(Card? Card, IReadOnlyList<ReportFile>? Files)> ContentForAsync(Subject? subject, Recipient to)
    {
        if (subject is null) return (null, null);
        try
        {
            if (subject.Kind == ReportDrafts.Kind)
            {
                var report = await reports.GetAsync(subject.Id);
                return (links.CardFor(to is { IsChannel: false, IsWebhook: false } ? to.Name : null, report), report.Files);
            }
            return (await CardForAsync(subject), null);
        }
        catch (RefusedException)
        {
            return (null, null);
        }
    }

    private async Task<Card?> CardForAsync(Subject subject) => subject.Kind switch
    {
        Incident.Kind => IncidentCard.Build(await incidents.GetAsync(subject.Id), people),
        KpiChange.Kind => KpiChangeCard.Build(await changes.GetAsync(subject.Id), catalog, people),
        Change.Kind => ChangeCard.Build(await envelopes.GetAsync(subject.Id), people),
        Decision.Kind => DecisionCard.Build(await decisions.GetAsync(subject.Id), people),
        ChangeService.LinkKind => ChangeLinkCard.Build(await envelopes.GetAsync(subject.Id.Split('/')[0]), subject.Id.Split('/')[1]),
        RiskService.ReviewKind => RiskReviewCards.Agenda(await risks.AgendaAsync(), DateOnly.ParseExact(subject.Id, "yyyy-MM-dd"), people),
        RiskService.ReviewItemKind => RiskReviewCards.Item(await risks.GetAsync(subject.Id), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), people),
        Risk.Kind or Risk.AcceptanceKind or Risk.EscalationKind => await RiskSubjectCards.ForSubjectAsync(subject.Kind, subject.Id, risks, people),
        VarianceReview.PromptKind => VariancePromptCard.Build(await reviews.PromptAsync(subject.Id), people),
        _ => null,
    };
}
