namespace ExecOps.Workflows.Risks;

/// <summary>Seed §4's categories.</summary>
public enum RiskCategory { Legal, Security, Reliability, Financial, Vendor, People, Compliance }

/// <summary>How bad a risk is, from the matrix; High and Critical are the "red" risks of seed §4.</summary>
public enum RiskRating { Low, Medium, High, Critical }

public static class RiskRatings
{
    public static bool IsRed(this RiskRating rating) => rating >= RiskRating.High;
}
