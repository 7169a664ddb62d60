using ExecOps.Cards;
using ExecOps.Cards.Risks;
using ExecOps.Workflows;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Bot.Conversation;

/// <summary>The register's answers: which card goes back, to whom, for each request.</summary>
public sealed partial class RiskArea
{
    private async Task<Reply> AddAsync(Actor actor, AddRisk add)
    {
        var (risk, ownerDefaulted, sponsorDefaulted) = await risks.AddAsync(actor, add.Title, add.Category, add.Probability, add.ImpactUsd, add.CustomerImpact, add.Owner, add.Sponsor, add.Review);
        var note = ownerDefaulted ? $" {(add.Owner is null ? "No owner was named" : $"owner:{add.Owner} is not in the directory")}, so {people.NameOf(risk.Data.Owner)} (the default owner) owns it until someone takes it." : "";
        if (sponsorDefaulted) note += $" No sponsor was named, so {people.NameOf(risk.Data.Sponsor)} (the default sponsor) sponsors it; name the exec who answers for it with sponsor:@….";
        return new Reply(ReplyVisibility.Channel, $"{risk.Id} added: {RiskFormat.Rating(risk.Data.Rating)}, exposure {RiskFormat.Money(risk.Data.Exposure)}.{note}", await CardAsync(risk));
    }

    private async Task<Reply> AskAcceptanceAsync(Actor actor, AskAcceptance ask)
    {
        AcceptanceData? requested = null;
        var risk = await Act(ask.RiskId, r => requested = r.RequestAcceptance(actor, ask.Until, ask.Reason));
        return Reply.Private(AcceptanceCard.Build(risk, requested!, people));
    }

    private async Task<Reply> AcceptanceAsync(Actor actor, DecideAcceptance decide)
    {
        var risk = await Act(decide.RiskId, r => r.DecideAcceptance(actor, decide.Number, decide.Approve, decide.Note), decide.Seen);
        return Reply.ToChannel(AcceptanceCard.Build(risk, risk.Data.Acceptances.Single(a => a.Number == decide.Number), people));
    }

    private async Task<Reply> EscalationAsync(Actor actor, DecideEscalation decide)
    {
        var to = decide.ReassignTo is null ? null : people.Require(decide.ReassignTo);
        var risk = await Act(decide.RiskId, r => r.DecideEscalation(actor, decide.Number, decide.Decision, decide.Date, decide.Note, to), decide.Seen);
        return Reply.ToChannel(EscalationCard.Build(risk, risk.Data.Escalations.Single(e => e.Number == decide.Number), people));
    }

    private async Task<IReadOnlyList<Reply>> ReviewAsync()
    {
        var agenda = await risks.AgendaAsync();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var items = new List<Reply> { Reply.Private(RiskReviewCards.Agenda(agenda, today, people)) };
        foreach (var item in agenda.Take(RiskService.ReviewItems))
            items.Add(Reply.Private(RiskReviewCards.Item(await risks.GetAsync(item.Risk.Id), item.Reasons, people)));
        return items;
    }

    private async Task<Card> RefreshAsync(RefreshRiskCard refresh)
    {
        var risk = await risks.GetAsync(refresh.RiskId);
        return RiskSubjectCards.For(risk, refresh.About, refresh.Number, people) ?? await CardAsync(risk);
    }

    private Reply Shared(Risk risk) => Reply.ToChannel(RiskCard.Build(risk, people, e => e));

    private async Task<Card> CardAsync(Risk risk)
    {
        var resolved = new Dictionary<string, string>();
        foreach (var link in risk.Data.Evidence.Distinct()) resolved[link] = await ResolveAsync(link);
        return RiskCard.Build(risk, people, e => resolved.GetValueOrDefault(e, e));
    }

    /// <summary>INC-n names one of our incidents, shown as it stands; decisions and changes are named until their workflows exist.</summary>
    private async Task<string> ResolveAsync(string link)
    {
        if (!RiskCommands.IsIncident(link)) return link;
        try
        {
            var incident = await incidents.GetAsync(link);
            return $"{incident.Id} ({incident.Data.Severity.Label()} · {incident.Data.Title} · {incident.Data.State.ToString().ToLowerInvariant()})";
        }
        catch (RefusedException)
        {
            return $"{link} (no such incident)";
        }
    }
}
