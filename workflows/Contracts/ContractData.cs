namespace ExecOps.Workflows.Contracts;

/// <summary>What a contract promises (seed §8).</summary>
public enum PromiseKind { Uptime, SupportResponse, Retention, Residency, IncidentNotification }

/// <summary>What holds a promise: a KPI or SLO of the scoreboard, a control, a setting of the bot, or nothing yet (a gap with an owner and a date).</summary>
public enum EnforcementKind { Kpi, Control, Setting, Gap }

/// <summary>One promise of a contract and the point that enforces it; a gap names who closes it by when.</summary>
public sealed record Promise(int Number, PromiseKind Kind, string Value, EnforcementKind EnforcedBy, string? Reference, string? GapOwner = null, DateOnly? GapDue = null)
{
    public bool IsGap => EnforcedBy == EnforcementKind.Gap;

    /// <summary>As the promise reads: `uptime 99.9%`, `incident-notification 4 h`.</summary>
    public string Terms => $"{Words(Kind)} {Value}{Kind switch { PromiseKind.Uptime => "%", PromiseKind.SupportResponse or PromiseKind.IncidentNotification => " h", PromiseKind.Retention => " days", _ => "" }}";

    public string Enforcement => IsGap ? $"gap: {GapOwner} by {GapDue:yyyy-MM-dd}" : $"{Words(EnforcedBy)}:{Reference}";

    public static string Words<T>(T value) where T : struct, Enum => Catalogs.CatalogFields.Words(value);
}

/// <summary>A change to a contract's tier, dates or promises: who made it, when, and what changed.</summary>
public sealed record Amendment(DateTimeOffset At, string By, IReadOnlyList<string> Changes);

/// <summary>A contract's terms as imported or amended, checked: what <see cref="Contract"/> is created from or amended to.</summary>
public sealed record ContractTerms(string Reference, string Customer, string Tier, DateOnly Start, DateOnly End, int NoticeDays, string? Penalty, string Owner,
    IReadOnlyList<string> Services, IReadOnlyList<Promise> Promises);

/// <summary>The stored shape of a customer contract. The state lives here, outside the machine, as a column does.</summary>
public sealed class ContractData
{
    public string Id { get; set; } = "";
    public long Number { get; set; }

    /// <summary>The contract's own number (MSA-2026-014): importing it again amends this contract.</summary>
    public string Reference { get; set; } = "";
    public string Customer { get; set; } = "";
    public string Tier { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public int NoticeDays { get; set; }
    public string? Penalty { get; set; }
    public string Owner { get; set; } = "";
    public List<string> Services { get; set; } = [];
    public List<Promise> Promises { get; set; } = [];
    public ContractState State { get; set; } = ContractState.Active;
    public List<Amendment> Amendments { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last day to give notice of non-renewal.</summary>
    public DateOnly NoticeDeadline => End.AddDays(-NoticeDays);

    /// <summary>The hours within which the customer must hear of an incident, if the contract promises it.</summary>
    public int? NotificationHours => Promises.Where(p => p.Kind == PromiseKind.IncidentNotification).Select(p => (int?)int.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture)).Min();
}
