namespace ExecOps.Workflows.StateMachines;

/// <summary>
/// A condition a transition needs, with the words shown to the person who was refused.
/// The condition is evaluated whenever anyone merely asks, so it must have no side effects.
/// </summary>
public sealed record Guard(Func<bool> Condition, string Description);
