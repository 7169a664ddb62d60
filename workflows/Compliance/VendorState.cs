namespace ExecOps.Workflows.Compliance;

/// <summary>A vendor in the register: in use and reviewed, in use with its review overdue, or offboarded.</summary>
public enum VendorState { Active, ReviewDue, Offboarded }
