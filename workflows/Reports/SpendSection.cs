using ExecOps.Workflows.Spend;
using static ExecOps.Workflows.Spend.SpendFormat;

namespace ExecOps.Workflows.Reports;

/// <summary>The board packet's spend, under Finances: spend against budget, the month's movers with their explanations, savings shipped.</summary>
public static class SpendSection
{
    public static void Write(Markdown doc, SpendFinances spend, Func<string?, string> name)
    {
        var c = spend.Currency;
        doc.Heading(3, "Spend against budget").Table(["Budget", "For", "Monthly budget", "Spent", "Share", "Forecast"],
            spend.Budgets.Select(b => (IReadOnlyList<string>)[b.Budget.Name, b.Budget.Service ?? $"team {b.Budget.Team}", $"{Money(b.Budget.Monthly)} {c}", $"{Money(b.Spent)} {c}", Percent(b.SpentShare), $"{Money(b.Forecast)} {c}"]),
            "No budgets are set (Spend:Budgets).");

        doc.Heading(3, "Top spend movers").Table(["Week", "Mover", "Change", "Explanation", "Change behind it"],
            spend.Movers.Select(m => (IReadOnlyList<string>)[m.Week, $"{m.Mover.Row.Dimension} {m.Mover.Row.Name}", $"{Signed(m.Mover.Row.Change)} {c} ({Share(m.Mover.Row.Change, m.Mover.Row.Before)})",
                m.Mover.Explanation is { } e ? $"{e.Text} ({(e.Automatic ? "linked by the bot" : name(e.By))})" : $"no explanation yet; {name(m.Mover.AskedOf)} is asked", m.Mover.Explanation?.Change ?? "none"]),
            "No mover needed explaining this month.");

        doc.Heading(3, "Savings shipped").Table(["ID", "What", "Service", "Per month", "Evidence", "By"],
            spend.Savings.Select(s => (IReadOnlyList<string>)[s.Id, s.What, s.Service, $"{Money(s.Monthly)} {c}", s.Evidence, name(s.By)]),
            "No saving was recorded this month.")
            .Paragraph(spend.Savings.Count == 0 ? "No savings dividend to decide this month."
                : $"Savings shipped this month: {Money(spend.SavedMonthly)} {c} a month ({Money(spend.SavedMonthly * 12)} {c} a year). " +
                  $"Whether to reinvest this savings dividend or keep it as runway is an ask for {name(spend.DividendDecidedBy)} below.");
    }

    /// <summary>The savings dividend as an ask: reinvest what was saved, or keep it as runway.</summary>
    public static Ask? Dividend(SpendFinances spend, DateOnly nextMonth) => spend.Savings.Count == 0 ? null
        : new Ask("savings-dividend", $"savings dividend: reinvest the {Money(spend.SavedMonthly)} {spend.Currency} a month saved ({string.Join(", ", spend.Savings.Select(s => s.Id))}), or keep it as runway",
            spend.FinOpsLead, spend.DividendDecidedBy, nextMonth);
}
