namespace ExecOps.Workflows.Incidents;

/// <summary>
/// Where an incident stands. <see cref="Active"/> is never stored: it is the superstate of the four
/// states in which the incident is still hurting customers and updates are owed.
/// </summary>
public enum IncidentState { Active, Declared, Investigating, Identified, Mitigated, Resolved, Closed }
