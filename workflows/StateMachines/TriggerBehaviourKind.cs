namespace ExecOps.Workflows.StateMachines;

internal enum TriggerBehaviourKind
{
    Permit,
    Reentry,
    Internal,
    Ignore,
}
