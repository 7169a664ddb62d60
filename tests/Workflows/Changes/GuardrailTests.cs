using ExecOps.Workflows;
using ExecOps.Workflows.Changes;

namespace ExecOps.Tests.Workflows.Changes;

public sealed class GuardrailTests
{
    [Fact]
    public void Guardrails_are_read_from_the_seeds_notation()
    {
        var guardrails = Guardrail.ParseAll("p95_latency_ms<=300, error_rate<=0.5%, availability >= 99.9");

        guardrails.Should().Equal(new Guardrail("p95_latency_ms", "<=", 300), new Guardrail("error_rate", "<=", 0.5m), new Guardrail("availability", ">=", 99.9m));
    }

    [Theory]
    [InlineData("<=", 300, 300, true)]
    [InlineData("<=", 300, 300.1, false)]
    [InlineData("<", 300, 300, false)]
    [InlineData(">=", 99.9, 99.89, false)]
    [InlineData(">", 1, 2, true)]
    public void A_reading_holds_or_breaks_the_guardrail(string op, double threshold, double reading, bool holds) =>
        new Guardrail("m", op, (decimal)threshold).Holds((decimal)reading).Should().Be(holds);

    [Fact]
    public void Every_part_that_does_not_parse_is_named() =>
        FluentActions.Invoking(() => Guardrail.ParseAll("p95_latency_ms<=300, latency is fine, error_rate=<1"))
            .Should().Throw<RefusedException>().WithMessage("*`latency is fine`, `error_rate=<1`*");
}
