namespace ExecOps.Workflows.Incidents;

/// <summary>A contract's promise to be told of an incident within so many hours, found for a service when a Sev1/2 hits it.</summary>
public sealed record NoticeObligation(string Contract, string Customer, int Hours);

/// <summary>Where an incident finds the customers it must tell: the contracts on the service it is declared on.</summary>
public interface INoticeObligations
{
    Task<IReadOnlyList<NoticeObligation>> ForServiceAsync(Storage.UnitOfWork unit, string service);
}

/// <summary>One customer notification clock on an incident: tell this customer by this time (seed §8).</summary>
public sealed class CustomerNotice
{
    public string Contract { get; set; } = "";
    public string Customer { get; set; } = "";
    public int Hours { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset Due { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
    public string? NotifiedBy { get; set; }
    public bool Missed { get; set; }

    public bool IsPending => NotifiedAt is null;

    /// <summary>Told on time: notified by its deadline.</summary>
    public bool WasMet => NotifiedAt is { } at && at <= Due;
}

/// <summary>How a set of incidents kept their customer notification deadlines.</summary>
public static class NoticeOutcome
{
    public static string Of(IEnumerable<IncidentData> incidents)
    {
        var notices = incidents.SelectMany(i => i.Notices.Select(n => (Incident: i.Id, Notice: n))).ToList();
        var missed = notices.Where(x => x.Notice.Missed || x.Notice is { IsPending: false, WasMet: false }).ToList();
        var met = notices.Count(x => x.Notice.WasMet);
        return $"{met} met, {missed.Count} missed" + (missed.Count > 0 ? $" ({string.Join(", ", missed.Select(x => $"{x.Incident} {x.Notice.Customer}"))})" : "");
    }
}
