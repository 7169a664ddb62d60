using System.Globalization;
using System.Text.RegularExpressions;

namespace ExecOps.Workflows.Risks;

/// <summary>Reads the numbers people type for a risk: a probability (`30%`, `0.3`) and an amount of money (`$250k`, `1.2M`, `40,000`).</summary>
public static partial class RiskAmounts
{
    public static decimal Probability(string? text)
    {
        var value = text?.Trim() ?? "";
        var percent = value.EndsWith('%');
        if (!decimal.TryParse(value.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            throw new RefusedException(RefusalKind.Invalid, $"p:{text} is not a probability; write it as a percentage (p:30%) or a fraction (p:0.3).");
        var probability = percent || number > 1 ? number / 100 : number;
        if (probability <= 0 || probability > 1)
            throw new RefusedException(RefusalKind.Invalid, $"p:{text} is out of range; a probability is above 0% and at most 100%.");
        return probability;
    }

    public static decimal Money(string? text, string field)
    {
        var match = MoneyPattern().Match(text?.Trim() ?? "");
        if (!match.Success || !decimal.TryParse(match.Groups[1].Value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            throw new RefusedException(RefusalKind.Invalid, $"{field}:{text} is not an amount of money; write it in US dollars, e.g. {field}:$250k, {field}:1.2M or {field}:40000.");
        var unit = match.Groups[2].Value.ToLowerInvariant() switch { "k" => 1_000m, "m" => 1_000_000m, "b" => 1_000_000_000m, _ => 1m };
        if (amount > Bounds.MaxMoney / unit)
            throw new RefusedException(RefusalKind.Invalid, $"{field}:{text} is more than $1000B, the most an amount may be here; write it in US dollars, e.g. {field}:$250k or {field}:1.2M.");
        amount *= unit;
        if (amount <= 0) throw new RefusedException(RefusalKind.Invalid, $"{field}:{text} must be more than $0.");
        return amount;
    }

    [GeneratedRegex(@"^\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([kKmMbB]?)(?:\s*(?:usd|USD))?$")]
    private static partial Regex MoneyPattern();
}
