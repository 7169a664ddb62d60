namespace ExecOps.Workflows.Spend;

/// <summary>A saving shipped (seed §9): what it was, what it saves per month, on which service, and the evidence that it did.</summary>
public sealed record SpendSaving(string Id, string What, decimal Monthly, string Service, string Evidence, string By, DateTimeOffset At)
{
    public const string Kind = "spend-saving";
}
