namespace ExecOps.Workflows.Compliance;

public enum VendorTrigger { Review, FallDue, Offboard }
