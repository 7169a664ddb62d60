namespace ExecOps.Cards.Adrs;

/// <summary>The ADR card's action and the data it carries.</summary>
public static class AdrActions
{
    public const string Accept = "adr.accept";

    public static readonly IReadOnlyList<string> All = [Accept];

    public const string Adr = "adr";
}
