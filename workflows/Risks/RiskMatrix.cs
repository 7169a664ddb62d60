namespace ExecOps.Workflows.Risks;

/// <summary>
/// The rating matrix, as GRC tools keep it: probability and dollar impact each fall into one of five
/// levels by upper bounds, and a 5×5 table gives the rating. Configurable under Risks:Matrix.
/// </summary>
public sealed class RiskMatrix
{
    /// <summary>Upper bounds of the first four probability levels (the fifth is everything above).</summary>
    public List<decimal> ProbabilityBounds { get; set; } = [0.1m, 0.3m, 0.5m, 0.8m];

    /// <summary>Upper bounds in USD of the first four impact levels.</summary>
    public List<decimal> ImpactBounds { get; set; } = [50_000m, 250_000m, 1_000_000m, 5_000_000m];

    /// <summary>Rows by probability level (rare first), columns by impact level (minor first).</summary>
    public List<List<RiskRating>> Ratings { get; set; } =
    [
        [RiskRating.Low, RiskRating.Low, RiskRating.Medium, RiskRating.Medium, RiskRating.High],
        [RiskRating.Low, RiskRating.Medium, RiskRating.Medium, RiskRating.High, RiskRating.High],
        [RiskRating.Medium, RiskRating.Medium, RiskRating.High, RiskRating.High, RiskRating.Critical],
        [RiskRating.Medium, RiskRating.High, RiskRating.High, RiskRating.Critical, RiskRating.Critical],
        [RiskRating.High, RiskRating.High, RiskRating.Critical, RiskRating.Critical, RiskRating.Critical],
    ];

    public RiskRating Rate(decimal probability, decimal impactUsd) =>
        Ratings[Level(ProbabilityBounds, probability)][Level(ImpactBounds, impactUsd)];

    public IEnumerable<string> Problems()
    {
        if (ProbabilityBounds.Count != 4 || ImpactBounds.Count != 4) yield return "Risks:Matrix needs four ProbabilityBounds and four ImpactBounds (five levels each).";
        if (Ratings.Count != 5 || Ratings.Any(r => r.Count != 5)) yield return "Risks:Matrix:Ratings must be 5 rows of 5 ratings.";
        if (!ProbabilityBounds.SequenceEqual(ProbabilityBounds.Order()) || !ImpactBounds.SequenceEqual(ImpactBounds.Order())) yield return "Risks:Matrix bounds must rise from the first to the last.";
    }

    private static int Level(List<decimal> bounds, decimal value)
    {
        var level = bounds.FindIndex(b => value <= b);
        return level < 0 ? bounds.Count : level;
    }
}
