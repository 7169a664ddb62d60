namespace ExecOps.Workflows.Compliance;

/// <summary>The most sensitive data a vendor touches.</summary>
public enum DataClass { None, Internal, Customer, Personal, Sensitive }

/// <summary>One review of a vendor: who looked, when, what they found.</summary>
public sealed record VendorReview(DateTimeOffset At, string By, string Notes);

/// <summary>The stored shape of a vendor or subprocessor (seed §7). The state lives here, outside the machine, as a column does.</summary>
public sealed class VendorData
{
    public string Id { get; set; } = "";
    public long Number { get; set; }
    public string Name { get; set; } = "";
    public string Region { get; set; } = "";
    public DataClass Data { get; set; }
    public bool Dpa { get; set; }
    public string Owner { get; set; } = "";
    public string? Purpose { get; set; }
    public DateOnly NextReview { get; set; }
    public VendorState State { get; set; } = VendorState.Active;
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<VendorReview> Reviews { get; set; } = [];

    /// <summary>The risk raised when it touched personal or sensitive data without a DPA.</summary>
    public string? RaisedRisk { get; set; }

    /// <summary>Personal or sensitive data with no data processing agreement: flagged and raised as a risk.</summary>
    public bool LacksDpa => Data is DataClass.Personal or DataClass.Sensitive && !Dpa;
}
