using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Reports;

/// <summary>
/// Section `Reports`: which KPIs are the SLOs, the unit costs and the finances the readout and board
/// packet speak of, and when the rhythm drafts them (seed 003's quarterly readout; §12's monthly
/// board packet draft) and for whom.
/// </summary>
public sealed class ReportSettings
{
    // Empty until bound: the binder appends configured items to an initializer's, so a default written there could never be replaced.
    public string[] SloKpis { get; set; } = [];

    public string[] UnitCostKpis { get; set; } = [];

    public string[] FinanceKpis { get; set; } = [];

    public IReadOnlyList<string> Slos => SloKpis is [] ? ["uptime", "mttr", "change-failure-rate"] : SloKpis;

    public IReadOnlyList<string> UnitCosts => UnitCostKpis is [] ? ["cloud-unit-cost", "telemetry-efficiency"] : UnitCostKpis;

    public IReadOnlyList<string> Finances => FinanceKpis is [] ? ["new-arr", "ndr", "grr", "cloud-unit-cost"] : FinanceKpis;

    /// <summary>Who the monthly draft goes to for review (§11: the CEO).</summary>
    public string BoardPacketReviewer { get; set; } = "ceo";

    /// <summary>When last month's packet is drafted: a Quartz cron expression in <see cref="TimeZone"/>.</summary>
    public string BoardPacketDraft { get; set; } = "0 0 8 2 * ?";

    /// <summary>Who runs the scale readout: its pack is sent to them, and they are reminded to log its decisions.</summary>
    public string ReadoutOwner { get; set; } = "ceo";

    /// <summary>When the quarterly scale readout is drafted: a Quartz cron expression in <see cref="TimeZone"/>.</summary>
    public string Readout { get; set; } = "0 0 8 ? 1,4,7,10 MON#1";

    public string TimeZone { get; set; } = "UTC";

    public Quartz.CronExpression? BoardPacketSchedule() => RhythmSchedule.TryParse(BoardPacketDraft, TimeZone);

    public Quartz.CronExpression? ReadoutSchedule() => RhythmSchedule.TryParse(Readout, TimeZone);

    public IEnumerable<string> Problems(KpiCatalog catalog, PeopleDirectory people)
    {
        foreach (var (name, ids) in new[] { (nameof(SloKpis), Slos), (nameof(UnitCostKpis), UnitCosts), (nameof(FinanceKpis), Finances) })
            foreach (var id in ids.Where(id => catalog.Find(id) is null))
                yield return $"Reports:{name} names \"{id}\", which is not a KPI in the catalog ({string.Join(", ", catalog.Kpis.Select(k => k.Id))}).";
        foreach (var (name, person) in new[] { (nameof(BoardPacketReviewer), BoardPacketReviewer), (nameof(ReadoutOwner), ReadoutOwner) })
            if (people.Find(person) is null) yield return $"Reports:{name} is \"{person}\", who is not in the People section.";
        foreach (var (name, cron, schedule) in new[] { (nameof(BoardPacketDraft), BoardPacketDraft, BoardPacketSchedule()), (nameof(Readout), Readout, ReadoutSchedule()) })
            if (schedule is null) yield return $"Reports:{name} \"{cron}\" in Reports:TimeZone \"{TimeZone}\" is not a Quartz cron expression in a known time zone, e.g. \"0 0 8 2 * ?\" and UTC.";
    }
}
