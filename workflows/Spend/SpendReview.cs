using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Scoreboard;
using ExecOps.Workflows.Tasks;

using static ExecOps.Workflows.Spend.SpendFormat;

namespace ExecOps.Workflows.Spend;

/// <summary>The stored shape of one week's spend review.</summary>
public sealed class SpendReviewData
{
    public string Week { get; set; } = "";
    public SpendReviewState State { get; set; } = SpendReviewState.Open;
    public DateTimeOffset OpenedAt { get; set; }
    public decimal Total { get; set; }
    public decimal TotalBefore { get; set; }

    /// <summary>The week's top movers by service and by team, asked or not.</summary>
    public List<SpendMoverRow> Top { get; set; } = [];

    /// <summary>The movers over the threshold, whose owners must explain them, by <see cref="SpendMoverRow.Id"/>.</summary>
    public Dictionary<string, SpendMover> Movers { get; set; } = [];

    /// <summary>What the week's unit costs came to, as posted to the scoreboard, or why one was not.</summary>
    public List<string> UnitCosts { get; set; } = [];

    /// <summary>Teams over the threshold whose move comes at least half from services already asked, so they are not asked again.</summary>
    public List<string> CoveredTeams { get; set; } = [];
    public string? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A spend jump on a service within a day of a change completed there: the bot's own explanation of a mover.</summary>
public sealed record SpendLink(string Change, string Title, DateTimeOffset FinishedAt, DateOnly JumpDay, decimal Jump);

/// <summary>
/// One week's spend movers (seed §9), on the discipline of variance commentary: the top movers are posted to the FinOps
/// channel, each one over the threshold asks its owner why (and which change, if any), reminds, then asks the backup and
/// opens a ticket; the week cannot be marked complete while a mover has no explanation.
/// </summary>
public sealed class SpendReview(SpendReviewData data, long version, SpendSettings settings, DateTimeOffset now) : Aggregate<SpendReviewData>(data, version)
{
    public const string Kind = "spend-review";
    public const string MoverKind = "spend-mover";
    public const string RemindDue = "spend.mover-remind";
    public const string BackupDue = "spend.mover-backup";

    public override string Id => Data.Week;
    public override string StoredState => Data.State.ToString();
    public SpendSettings Settings { get; } = settings;
    public IsoWeek Week => IsoWeek.TryParse(Data.Week)!.Value;

    public static SpendReview Open(IsoWeek week, SpendReport report, IReadOnlyList<SpendMoverRow> top, SpendSettings settings, DateTimeOffset now)
    {
        var review = new SpendReview(new SpendReviewData { Week = week.ToString(), OpenedAt = now, Total = report.All.Now, TotalBefore = report.All.Before, Top = [.. top] }, 0, settings, now);
        review.Send(new Notification(Recipient.Channel(settings.Channel),
            $"Spend movers for {week}: {Money(report.All.Now)} {settings.Currency} against {Money(report.All.Before)} the week before. " +
            (top.Count == 0 ? "Nothing moved." : $"Top services: {string.Join("; ", top.Where(m => m.Dimension == "service").Take(3).Select(m => $"{m.Name} {Signed(m.Change)}"))}."), new Subject(Kind, week.ToString())));
        return review;
    }

    public static string MoverId(IsoWeek week, string mover) => $"{week}/{mover}";

    /// <summary>Asks the mover's owner why it moved; with a <paramref name="link"/>, the bot has already explained it by a change and only tells them.</summary>
    public void Ask(SpendMoverRow row, string owner, SpendLink? link)
    {
        if (Data.Movers.ContainsKey(row.Id)) return;
        var mover = new SpendMover { Row = row, Owner = owner, AskedOf = owner, AskedAt = now };
        Data.Movers[row.Id] = mover;
        var moved = $"{row.Dimension} {row.Name} moved {Signed(row.Change)} {Settings.Currency}{Share(row)} in {Data.Week} ({Money(row.Before)} → {Money(row.Now)})";
        if (link is not null)
        {
            PromptMachine.For(mover).Fire(PromptTrigger.Answer);
            mover.Explanation = new SpendExplanation(
                $"Linked automatically: spend on {row.Name} jumped {Signed(link.Jump)} on {link.JumpDay:yyyy-MM-dd}, within a day of {link.Change} \"{link.Title}\" completing {link.FinishedAt:yyyy-MM-dd HH:mm} UTC.",
                link.Change, Actor.System.Id, now, Automatic: true);
            Send(mover, $"{moved}. It is linked automatically to {link.Change} \"{link.Title}\" (completed {link.FinishedAt:yyyy-MM-dd HH:mm} UTC; spend jumped the day after or that day). If that is not why, explain it from the card.");
            return;
        }
        Send(mover, $"{moved}. Please explain it: what moved, and the change (CHG-n) behind it if there is one. The week's spend review cannot close without it.");
        Schedule(mover, RemindDue, now + Settings.RemindAfter);
    }

    public void Remind(string moverId)
    {
        if (Mover(moverId) is not { } mover || !PromptMachine.TryFire(mover, PromptTrigger.Remind)) return;
        Send(mover, $"Reminder: {mover.Row.Dimension} {mover.Row.Name} moved {Signed(mover.Row.Change)} {Settings.Currency} in {Data.Week} and has no explanation. The week cannot be closed without it.");
        Schedule(mover, BackupDue, now + Settings.BackupAfter);
    }

    public void AskBackup(string moverId, string backup)
    {
        if (Mover(moverId) is not { } mover || !PromptMachine.TryFire(mover, PromptTrigger.AskBackup)) return;
        var first = mover.AskedOf;
        mover.AskedOf = backup;
        Send(mover, $"{mover.Row.Dimension} {mover.Row.Name} moved {Signed(mover.Row.Change)} {Settings.Currency} in {Data.Week} and its owner has not explained it in {(Settings.RemindAfter + Settings.BackupAfter).TotalHours:0} hours. As backup, please explain it.");
        if (first != backup) Send(new Notification(Recipient.Person(first), $"No explanation for {mover.Row.Name}'s spend ({Data.Week}) yet, so {backup} has been asked."));
        Ask(new FollowUpRequest($"spend/{Data.Week}/{mover.Row.Id}/missing", backup,
            $"The explanation of {mover.Row.Dimension} {mover.Row.Name}'s spend move ({Signed(mover.Row.Change)} {Settings.Currency}, {Data.Week}) is missing: its owner has not answered. Explain it from the mover's card.", MoverId(Week, mover.Row.Id)));
    }

    /// <param name="finOpsLead">The FinOps lead, who may explain any mover.</param>
    public void Explain(string moverId, Actor actor, string text, string? change, string finOpsLead)
    {
        var mover = Mover(moverId) ?? throw new RefusedException(RefusalKind.NotFound,
            $"{moverId} was not a mover over the threshold in {Data.Week}, so it needs no explanation. `/spend movers week:{Data.Week}` lists those that do.", MoverId(Week, moverId));
        if (actor.Id != mover.Owner && actor.Id != mover.AskedOf && actor.Id != finOpsLead && !actor.Has(Roles.Admin))
            throw new RefusedException(RefusalKind.Forbidden,
                $"Only {mover.Row.Name}'s owner, whoever was asked, the FinOps lead or an admin may explain its spend, and you ({actor.Name}) are none of them.", MoverId(Week, moverId));
        if (string.IsNullOrWhiteSpace(text))
            throw new RefusedException(RefusalKind.Invalid, "An explanation needs words: what moved and why. Nothing was saved.");
        PromptMachine.For(mover).Fire(PromptTrigger.Answer);
        mover.Explanation = new SpendExplanation(text.Trim(), change, actor.Id, now);
        Cancel(ReminderKey(mover, RemindDue));
        Cancel(ReminderKey(mover, BackupDue));
    }

    /// <summary>Marks the week done, or refuses naming every mover still without an explanation.</summary>
    public void Complete(Actor actor)
    {
        var machine = SpendReviewMachine.For(Data);
        if (!machine.CanFire(SpendReviewTrigger.Complete))
            throw new RefusedException(RefusalKind.NotAllowedNow, $"The spend review of {Data.Week} was already marked complete by {Data.CompletedBy} at {Data.CompletedAt:yyyy-MM-dd HH:mm} UTC.", Data.Week);
        var missing = Data.Movers.Values.Where(m => m.Explanation is null).ToList();
        if (missing.Count > 0)
            throw new RefusedException(RefusalKind.NotAllowedNow,
                $"The spend review of {Data.Week} cannot be marked complete: {missing.Count} mover(s) have no explanation: " +
                string.Join("; ", missing.Select(m => $"{m.Row.Id} (asked: {m.AskedOf})")) + ".", Data.Week);
        machine.Fire(SpendReviewTrigger.Complete);
        Data.CompletedBy = actor.Id;
        Data.CompletedAt = now;
    }

    public static string Share(SpendMoverRow row) => $" ({SpendFormat.Share(row.Change, row.Before)})";

    private SpendMover? Mover(string moverId) => Data.Movers.GetValueOrDefault(moverId);

    private void Send(SpendMover mover, string text) =>
        Send(new Notification(Recipient.Person(mover.AskedOf), text, new Subject(MoverKind, MoverId(Week, mover.Row.Id))));

    private void Schedule(SpendMover mover, string kind, DateTimeOffset due) =>
        Schedule(new Reminder(ReminderKey(mover, kind), kind, MoverId(Week, mover.Row.Id), due));

    private string ReminderKey(SpendMover mover, string kind) => $"spend/{Data.Week}/{mover.Row.Id}/{kind}";
}
