using System.Globalization;
using ExecOps.Workflows.Decisions;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Risks;
using ExecOps.Workflows.Spend;
using ExecOps.Workflows.Storage;
using ExecOps.Workflows.Kernel;

namespace ExecOps.Workflows.Reports;

/// <summary>
/// Drafts the scale readout pack and the board packet, on request or on the rhythm, stores them and
/// sends them to the person they are for, in one transaction: a draft is never announced and lost.
/// </summary>
public sealed class ReportDrafts(Store store, KpiCatalog catalog, PeopleDirectory people, ReportSettings settings, RiskSettings risks, SpendSettings spend) : IReminderHandler
{
    public const string Kind = "report";
    public const string BoardPacketDue = "report.board-packet-due";
    public const string ReadoutDue = "report.readout-due";
    public const string BoardPacketKey = "rhythm/reports/board-packet";
    public const string ReadoutKey = "rhythm/reports/scale-readout";

    public IReadOnlyCollection<string> Kinds { get; } = [BoardPacketDue, ReadoutDue];

    public Task<ReportData> ReadoutAsync(Actor actor)
    {
        if (!actor.Has(Roles.Exec) && !actor.Has(Roles.Sponsor) && !actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden, $"The scale readout is for execs, sponsors and admins; you ({actor.Name}) are none of these.");
        return store.WriteAsync(unit => DraftReadoutAsync(unit, actor));
    }

    /// <summary>The packet for the month holding <paramref name="month"/>; a month still running is drafted to date.</summary>
    public Task<ReportData> BoardPacketAsync(Actor actor, DateOnly month)
    {
        if (!actor.Has(Roles.Exec) && !actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden, $"The board packet is for execs and admins; you ({actor.Name}) are neither.");
        var first = Bounds.Month(new DateOnly(month.Year, month.Month, 1), DateOnly.FromDateTime(store.Clock.GetUtcNow().UtcDateTime), "The board packet's month");
        return store.WriteAsync(unit => DraftBoardPacketAsync(unit, actor, first, "is ready"));
    }

    public Task<ReportData> GetAsync(string id) => store.ReadAsync(async scope =>
        (await scope.Aggregates.FindAsync<ReportData>(Kind, id))?.Body ?? throw new RefusedException(RefusalKind.NotFound, $"There is no report called `{id}`.", id));

    public async Task EnsureScheduledAsync(UnitOfWork unit)
    {
        await unit.Reminders.EnsurePendingAsync(NextBoardPacket(unit.Now));
        await unit.Reminders.EnsurePendingAsync(NextReadout(unit.Now));
    }

    public async Task HandleAsync(UnitOfWork unit, Reminder reminder)
    {
        if (reminder.Kind == BoardPacketDue)
        {
            var lastMonth = DateOnly.FromDateTime(unit.Now.UtcDateTime).AddMonths(-1);
            await DraftBoardPacketAsync(unit, Actor.For(people.Require(settings.BoardPacketReviewer)), new DateOnly(lastMonth.Year, lastMonth.Month, 1), "is drafted for your review");
            await unit.Reminders.ScheduleAsync(NextBoardPacket(unit.Now));
            return;
        }
        var owner = Actor.For(people.Require(settings.ReadoutOwner));
        await DraftReadoutAsync(unit, owner);
        var agenda = await DecisionReminders.ProposedAsync(unit);
        if (agenda.Count > 0) await DecisionReminders.OpenReadoutAsync(unit, owner, agenda.Count, agenda);
        await unit.Reminders.ScheduleAsync(NextReadout(unit.Now));
    }

    private async Task<ReportData> DraftReadoutAsync(UnitOfWork unit, Actor reader)
    {
        var to = unit.Now;
        var from = to.AddDays(-7 * ReadoutFacts.Weeks);
        var sources = new ReportSources(unit, catalog, reader);
        var decisions = await sources.DecisionsAsync();
        var today = DateOnly.FromDateTime(to.UtcDateTime);
        var facts = new ReadoutFacts(from, to, reader.Name, sources.Hidden,
            await sources.DeltasAsync(from, to),
            await sources.WeeklyAsync(settings.Slos, from, to),
            IncidentSummary.Of(await sources.IncidentsAsync(from, to)),
            await sources.WeeklyAsync(settings.UnitCosts, from, to),
            decisions.Where(d => d.AwaitsApproval).ToList(),
            decisions.Where(d => !d.AwaitsApproval && (d.CreatedAt >= from || d.DecidedAt >= from)).ToList(),
            PlannedDate.Between(decisions, today, today.AddDays(ReadoutFacts.PlanDays)),
            (await unit.Reminders.PendingRhythmAsync()).Where(r => r.DueAt < to.AddDays(ReadoutFacts.PlanDays)).ToList());
        var title = $"Scale readout {Markdown.Day(from)} to {Markdown.Day(to)}";
        return await SaveAsync(unit, $"readout-{today:yyyy-MM-dd}", title, reader, ScaleReadout.Files(facts, Name), $"{title} is ready: {string.Join(", ", [ScaleReadout.ReadoutFile, ScaleReadout.DecisionLogFile, ScaleReadout.PlanFile])}.");
    }

    private async Task<ReportData> DraftBoardPacketAsync(UnitOfWork unit, Actor reader, DateOnly month, string ready)
    {
        var from = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddMonths(1);
        var sources = new ReportSources(unit, catalog, reader);
        var decisions = await sources.DecisionsAsync();
        var allRisks = await sources.RisksAsync();
        var open = allRisks.Where(r => !r.IsClosed).ToList();
        var yesterday = DateOnly.FromDateTime(unit.Now.UtcDateTime).AddDays(-1);
        var finances = await SpendFinances.OfAsync(unit, month, yesterday < month.AddMonths(1) ? yesterday : month.AddMonths(1).AddDays(-1), spend);
        var facts = new BoardPacketFacts(month, unit.Now, reader.Name, sources.Hidden,
            await sources.DeltasAsync(from, to),
            open.Take(BoardPacketFacts.TopRiskCount).ToList(),
            allRisks.Where(r => r.CreatedAt >= from && r.CreatedAt < to).ToList(),
            IncidentSummary.Of(await sources.IncidentsAsync(from, to)),
            PlannedDate.Between(decisions, month, month.AddMonths(1).AddDays(ReadoutFacts.PlanDays)),
            await sources.DeltasAsync(from, to, settings.Finances),
            decisions.Where(d => d.DecidedAt >= from && d.DecidedAt < to).ToList(),
            [.. Asks(decisions, open, (await unit.Reminders.FindPendingAsync(RiskService.WeeklyReviewKey))?.DueAt), .. SpendSection.Dividend(finances, month.AddMonths(1)) is { } dividend ? [dividend] : Array.Empty<Ask>()],
            finances,
            await Tasks.TrustLedger.OfAsync(unit.Aggregates, month));
        var title = $"Board packet {month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";
        return await SaveAsync(unit, $"board-packet-{month:yyyy-MM}", title, reader, [BoardPacket.File(facts, Name)], $"{title} {ready}.");
    }

    /// <summary>
    /// Decisions waiting for their approver (needed by their first date), acceptances for their sponsor
    /// (by the risk's review, else the next weekly risk review), escalations for an answer (by their timeout).
    /// </summary>
    private IReadOnlyList<Ask> Asks(IEnumerable<DecisionData> decisions, IEnumerable<RiskData> open, DateTimeOffset? nextRiskReview) =>
        decisions.Where(d => d.AwaitsApproval)
            .Select(d => new Ask(d.Id, $"approve {ScaleReadout.Verdict(d.Verdict)} — {d.Title} ({Markdown.Usd(d.BudgetUsd)})", d.Owner, d.Approver ?? "",
                d.Milestones.Select(m => (DateOnly?)m.Due).Append(d.Revisit).Min()))
            .Concat(open.SelectMany(r => r.Acceptances.Where(a => a.AwaitsSponsor)
                .Select(a => new Ask(r.Id, $"accept \"{r.Title}\" until {Markdown.Day(a.Until)}", a.RequestedBy, r.Sponsor,
                    r.NextReview ?? (nextRiskReview is { } review ? DateOnly.FromDateTime(review.UtcDateTime) : null)))))
            .Concat(open.SelectMany(r => r.Escalations.Where(e => !e.IsDecided)
                .Select(e => new Ask(r.Id, $"escalation: {e.Reason}", r.Owner, e.WentUp ? risks.DefaultOwner : r.Sponsor,
                    DateOnly.FromDateTime((e.RaisedAt + risks.EscalationTimeout).UtcDateTime)))))
            .OrderBy(a => a.NeededBy ?? DateOnly.MaxValue).ToList();

    /// <summary>Each draft of a period is kept: the id carries a version, so a redraft never overwrites what someone already read.</summary>
    internal static async Task<ReportData> SaveAsync(UnitOfWork unit, string stem, string title, Actor reader, IReadOnlyList<ReportFile> files, string announcement)
    {
        var version = await unit.Counters.NextAsync($"{Kind}/{stem}");
        var report = new ReportData { Id = $"{stem}-v{version}", Title = title, For = reader.Id, Files = [.. files], CreatedAt = unit.Now };
        await unit.Aggregates.InsertAsync(Kind, report.Id, "drafted", report);
        await unit.AuditAsync(report.Id);
        await unit.Outbox.EnqueueAsync(new Notification(Recipient.Person(reader.Id), announcement, new Subject(Kind, report.Id)));
        return report;
    }

    private Reminder NextBoardPacket(DateTimeOffset after) => settings.BoardPacketSchedule()!.Next(BoardPacketKey, BoardPacketDue, "board-packet", after);

    private Reminder NextReadout(DateTimeOffset after) => settings.ReadoutSchedule()!.Next(ReadoutKey, ReadoutDue, "scale-readout", after);

    private string Name(string? id) => id is null ? "nobody" : people.NameOf(id);
}
