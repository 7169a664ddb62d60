namespace ExecOps.Workflows.Incidents;

/// <summary>Sev1 is the worst: customer-facing, contract-relevant. Sev4 is minor.</summary>
public enum Severity { Sev1 = 1, Sev2 = 2, Sev3 = 3, Sev4 = 4 }

public static class Severities
{
    public const string Usage = "sev1 (critical), sev2 (major), sev3 (minor) or sev4 (low)";

    public static Severity Parse(string? text)
    {
        var value = (text ?? "").Trim().ToLowerInvariant();
        if (value.StartsWith("sev")) value = value[3..];
        if (int.TryParse(value, out var level) && level is >= 1 and <= 4) return (Severity)level;
        throw new RefusedException(RefusalKind.Invalid, $"`{text}` is not a severity. Use {Usage}.");
    }

    public static string Label(this Severity severity) => $"Sev{(int)severity}";
}
