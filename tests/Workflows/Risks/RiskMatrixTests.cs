using ExecOps.Workflows;
using ExecOps.Workflows.Risks;

namespace ExecOps.Tests.Workflows.Risks;

public sealed class RiskMatrixTests
{
    private static readonly RiskMatrix Matrix = new();

    [Theory]
    [InlineData(0.05, 10_000, RiskRating.Low)]
    [InlineData(0.1, 50_000, RiskRating.Low)]
    [InlineData(0.11, 50_001, RiskRating.Medium)]
    [InlineData(0.3, 250_000, RiskRating.Medium)]
    [InlineData(0.5, 1_000_000, RiskRating.High)]
    [InlineData(0.9, 10_000, RiskRating.High)]
    [InlineData(0.6, 2_000_000, RiskRating.Critical)]
    [InlineData(0.05, 9_000_000, RiskRating.High)]
    public void A_rating_is_a_lookup_of_probability_level_by_impact_level(double probability, double impact, RiskRating expected) =>
        Matrix.Rate((decimal)probability, (decimal)impact).Should().Be(expected);

    [Theory]
    [InlineData("30%", 0.3)]
    [InlineData("0.3", 0.3)]
    [InlineData("45", 0.45)]
    [InlineData("100%", 1)]
    public void A_probability_is_a_percentage_or_a_fraction(string text, double expected) =>
        RiskAmounts.Probability(text).Should().Be((decimal)expected);

    [Theory]
    [InlineData("0%")]
    [InlineData("120%")]
    [InlineData("-5%")]
    [InlineData("likely")]
    public void A_probability_out_of_range_or_not_a_number_is_refused(string text) =>
        FluentActions.Invoking(() => RiskAmounts.Probability(text)).Should().Throw<RefusedException>().WithMessage($"p:{text} is*");

    [Theory]
    [InlineData("$250k", 250_000)]
    [InlineData("1.2M", 1_200_000)]
    [InlineData("40,000", 40_000)]
    [InlineData("$3b", 3_000_000_000)]
    public void Money_reads_dollars_with_k_M_and_B(string text, double expected) =>
        RiskAmounts.Money(text, "impact").Should().Be((decimal)expected);

    [Theory]
    [InlineData("a lot")]
    [InlineData("€250k")]
    [InlineData("$0")]
    public void An_impact_that_is_not_money_is_refused(string text) =>
        FluentActions.Invoking(() => RiskAmounts.Money(text, "impact")).Should().Throw<RefusedException>().WithMessage("impact:*");
}
