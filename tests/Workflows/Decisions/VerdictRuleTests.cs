using ExecOps.Workflows;
using ExecOps.Workflows.Decisions;
using static ExecOps.Workflows.Decisions.Verdict;

namespace ExecOps.Tests.Workflows.Decisions;

public sealed class VerdictRuleTests
{
    private static IReadOnlyList<Assessment> Assessed(Verdict value, Verdict slos, Verdict safety, Verdict economics, Verdict adoption) =>
    [
        new(Dimension.Value, value, ""), new(Dimension.Slos, slos, ""), new(Dimension.Safety, safety, ""),
        new(Dimension.Economics, economics, ""), new(Dimension.Adoption, adoption, ""),
    ];

    [Theory]
    [InlineData(Expand, Expand, Expand, Expand, Expand, Expand)]
    [InlineData(Expand, Expand, Expand, Hold, Expand, Expand)]
    [InlineData(Expand, Expand, Expand, Hold, Hold, Hold)]
    [InlineData(Expand, Hold, Expand, Expand, Expand, Hold)]
    [InlineData(Expand, Expand, Hold, Expand, Expand, Hold)]
    [InlineData(Expand, Expand, Expand, Retire, Expand, Hold)]
    [InlineData(Expand, Expand, Retire, Expand, Expand, Retire)]
    [InlineData(Retire, Expand, Expand, Retire, Expand, Retire)]
    [InlineData(Hold, Hold, Hold, Hold, Hold, Hold)]
    [InlineData(Retire, Hold, Hold, Hold, Hold, Hold)]
    public void The_verdict_follows_the_rule_across_the_five_dimensions(Verdict value, Verdict slos, Verdict safety, Verdict economics, Verdict adoption, Verdict expected) =>
        VerdictRule.Propose(Assessed(value, slos, safety, economics, adoption)).Should().Be(expected);

    [Fact]
    public void All_five_dimensions_must_be_assessed() =>
        FluentActions.Invoking(() => VerdictRule.Propose([new Assessment(Dimension.Value, Expand, "")]))
            .Should().Throw<RefusedException>().WithMessage("*missing: Slos, Safety, Economics, Adoption*");
}
