using System.Globalization;
using System.Text.RegularExpressions;

namespace ExecOps.Workflows.Changes;

/// <summary>
/// A health guardrail in machine-readable form (`p95_latency_ms<=300`, `error_rate<=0.5%`): a metric,
/// a comparison and a threshold. A reading that fails it during rollout means roll back.
/// </summary>
public sealed partial record Guardrail(string Metric, string Operator, decimal Threshold)
{
    public static readonly IReadOnlyList<string> Operators = ["<=", ">=", "<", ">", "=="];

    /// <summary>A comma-separated list; every part that does not parse is named.</summary>
    public static IReadOnlyList<Guardrail> ParseAll(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var guardrails = new List<Guardrail>();
        var bad = new List<string>();
        foreach (var part in parts)
        {
            var match = Pattern().Match(part);
            if (match.Success && decimal.TryParse(match.Groups[3].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
                guardrails.Add(new Guardrail(match.Groups[1].Value.ToLowerInvariant(), match.Groups[2].Value, threshold));
            else bad.Add(part);
        }
        if (bad.Count > 0)
            throw new RefusedException(RefusalKind.Invalid,
                $"These guardrails do not parse: {string.Join(", ", bad.Select(b => $"`{b}`"))}. Write each as metric, comparison ({string.Join(" ", Operators)}) and number, e.g. metrics:\"p95_latency_ms<=300, error_rate<=0.5%\".");
        return guardrails;
    }

    public bool Holds(decimal reading) => Operator switch
    {
        "<=" => reading <= Threshold,
        ">=" => reading >= Threshold,
        "<" => reading < Threshold,
        ">" => reading > Threshold,
        _ => reading == Threshold,
    };

    public override string ToString() => $"{Metric}{Operator}{Threshold.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_.]*)\s*(<=|>=|==|<|>)\s*(-?[0-9]+(?:\.[0-9]+)?)\s*%?$")]
    private static partial Regex Pattern();
}
