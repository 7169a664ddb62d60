namespace ExecOps.Cards.Spend;

/// <summary>The spend cards' actions and the data keys they carry.</summary>
public static class SpendActions
{
    public const string Explain = "spend.mover.explain";
    public const string Complete = "spend.review.complete";

    public static readonly IReadOnlyList<string> All = [Explain, Complete];

    public const string Mover = "mover";
    public const string Week = "week";
    public const string Text = "text";
    public const string Change = "change";
}
