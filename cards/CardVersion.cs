using System.Globalization;
using ExecOps.Workflows;

namespace ExecOps.Cards;

/// <summary>The version of what a card showed, as every card's buttons carry it, so a press on an older card can be refused as stale.</summary>
public static class CardVersion
{
    public const string Key = "version";

    /// <summary>
    /// The version a press carried. A press without one, or with one that is not a whole number, is
    /// refused as stale: nothing is done to a state its reader may never have seen.
    /// </summary>
    public static long Seen(IReadOnlyDictionary<string, string> data) =>
        long.TryParse(data.GetValueOrDefault(Key), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new RefusedException(RefusalKind.Conflict,
                "That button did not say which version of the card it was pressed on, so I cannot tell whether the card was current. Nothing was done; here is the current card.");
}
