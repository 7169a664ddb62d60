using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Cards.Risks;

/// <summary>The card a risk's message or button is about: one acceptance, one escalation, or the risk itself.</summary>
public static class RiskSubjectCards
{
    /// <summary>Null when <paramref name="about"/> names neither an acceptance nor an escalation the risk has.</summary>
    public static Card? For(Risk risk, string? about, int number, PeopleDirectory people) => about switch
    {
        RiskActions.AboutAcceptance when risk.Data.Acceptances.FirstOrDefault(a => a.Number == number) is { } acceptance => AcceptanceCard.Build(risk, acceptance, people),
        RiskActions.AboutEscalation when risk.Data.Escalations.FirstOrDefault(e => e.Number == number) is { } escalation => EscalationCard.Build(risk, escalation, people),
        _ => null,
    };

    /// <summary>For a notification's subject: `risk-acceptance` / `risk-escalation` with `RISK-n/number`, or `risk` with the id.</summary>
    public static async Task<Card> ForSubjectAsync(string kind, string id, RiskService risks, PeopleDirectory people)
    {
        var parts = id.Split('/');
        var risk = await risks.GetAsync(parts[0]);
        var number = parts.Length > 1 && int.TryParse(parts[1], out var n) ? n : 0;
        var about = kind == Risk.AcceptanceKind ? RiskActions.AboutAcceptance : kind == Risk.EscalationKind ? RiskActions.AboutEscalation : null;
        return For(risk, about, number, people) ?? RiskCard.Build(risk, people, e => e);
    }
}
