namespace ExecOps.Workflows.Spend;

/// <summary>Section `Spend`: the currency spend is reported in, and how large a batch may be.</summary>
public sealed class SpendSettings
{
    /// <summary>Spend in any other currency is refused, so no total ever adds two currencies.</summary>
    public string Currency { get; set; } = "USD";

    public int MaxBatch { get; set; } = 50_000;

    public IEnumerable<string> Problems()
    {
        if (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper)) yield return $"Spend:Currency \"{Currency}\" must be an ISO 4217 code in capitals, e.g. USD.";
        if (MaxBatch < 1) yield return "Spend:MaxBatch must be at least 1.";
    }
}
