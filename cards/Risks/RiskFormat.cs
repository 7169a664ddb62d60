using System.Globalization;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Risks;

namespace ExecOps.Cards.Risks;

/// <summary>How a risk's numbers read on a card.</summary>
public static class RiskFormat
{
    public static string Money(decimal usd) => KpiUnit.Usd.Format(usd);

    public static string Percent(decimal probability) => $"{(probability * 100).ToString("0.#", CultureInfo.InvariantCulture)}%";

    public static string Rating(RiskRating rating) => rating switch
    {
        RiskRating.Critical => "🔴 Critical",
        RiskRating.High => "🔴 High",
        RiskRating.Medium => "🟡 Medium",
        _ => "🟢 Low",
    };

    public static Tone Tone(RiskRating rating) => rating.IsRed() ? ExecOps.Cards.Tone.Attention : rating == RiskRating.Medium ? ExecOps.Cards.Tone.Warning : ExecOps.Cards.Tone.Good;
}
