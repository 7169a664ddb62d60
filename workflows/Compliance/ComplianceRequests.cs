namespace ExecOps.Workflows.Compliance;

/// <summary>What a person asked of compliance, parsed from the command grammar or a card.</summary>
public abstract record ComplianceRequest;

public sealed record ShowComplianceStatus : ComplianceRequest;
public sealed record ShowControl(string ControlId) : ComplianceRequest;
public sealed record ShowExceptions : ComplianceRequest;
public sealed record DraftPack(string? Framework) : ComplianceRequest;
public sealed record RecordEvidence(string ControlId, string? Kind, string Content) : ComplianceRequest;
public sealed record AskException(string ControlId, DateOnly Until, string Compensating, string Reason) : ComplianceRequest;

/// <summary>A card asks for itself as it now stands: one of the control's exceptions, or the control.</summary>
public sealed record RefreshControlCard(string ControlId, int Exception) : ComplianceRequest;

/// <summary>From an exception's card, with the version of the control its reader saw.</summary>
public sealed record DecideException(string ControlId, int Number, bool Approve, string? Note, long? Seen) : ComplianceRequest;

public sealed record AddVendor(string Name, string Region, DataClass Data, bool Dpa, string? Owner, DateOnly Review, string? Purpose) : ComplianceRequest;
public sealed record ShowVendors : ComplianceRequest;
public sealed record ShowVendor(string VendorId) : ComplianceRequest;
public sealed record ReviewVendor(string VendorId, DateOnly Next, bool? Dpa, string Notes) : ComplianceRequest;
public sealed record OffboardVendor(string VendorId, string Reason) : ComplianceRequest;

/// <summary>A control's answer to a quarter's dry run; without a quarter, its latest. From a card, with the version its reader saw.</summary>
public sealed record ConfirmDryRun(string ControlId, string? Quarter, long? Seen = null) : ComplianceRequest;
public sealed record ReportFinding(string ControlId, string? Quarter, string Text, long? Seen = null) : ComplianceRequest;
public sealed record RefreshDryRunCard(string ControlId, string Quarter) : ComplianceRequest;
