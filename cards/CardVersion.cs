using System.Globalization;

namespace ExecOps.Cards;

/// <summary>The version of what a card showed, as every card's buttons carry it, so a press on an older card can be refused as stale.</summary>
public static class CardVersion
{
    public const string Key = "version";

    /// <summary>The version a press carried; null when it carried none that reads as one.</summary>
    public static long? Seen(IReadOnlyDictionary<string, string> data) =>
        long.TryParse(data.GetValueOrDefault(Key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : null;
}
