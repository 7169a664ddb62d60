namespace ExecOps.Cards;

/// <summary>The two buttons of every request a person decides (a change, an acceptance, an exception): approve at once, or reject saying why.</summary>
public static class ApprovalButtons
{
    /// <returns>The buttons while the request waits; none once it is decided, so the decision is all a reader sees.</returns>
    public static IReadOnlyList<CardButton> While(bool waiting, string approveTitle, string approveId, string rejectId, string reasonKey, IReadOnlyDictionary<string, string> reference) =>
        waiting
            ?
            [
                new ActionButton(approveTitle, approveId, reference, ButtonStyle.Positive),
                new FormButton("Reject", rejectId, reference, [new TextInput(reasonKey, "Why not?", Multiline: true, MaxLength: 1000)], "Reject"),
            ]
            : [];
}
