namespace ExecOps.Cards.Ownership;

/// <summary>The ownership cards' actions and the data keys they carry.</summary>
public static class OwnershipActions
{
    public const string Confirm = "ownership.confirm";

    public static readonly IReadOnlyList<string> All = [Confirm];

    public const string Quarter = "quarter";
    public const string Owner = "owner";
}
