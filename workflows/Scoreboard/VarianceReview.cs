using ExecOps.Workflows.Kpis;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Scoreboard;

/// <summary>The stored shape of one week's variance review.</summary>
public sealed class VarianceReviewData
{
    public string Week { get; set; } = "";
    public VarianceReviewState State { get; set; } = VarianceReviewState.Open;
    public DateTimeOffset OpenedAt { get; set; }
    public string? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public Dictionary<string, VariancePrompt> Prompts { get; set; } = [];
}

/// <summary>
/// One week's variance review (seed §2): every red KPI's owner is asked why, reminded, then the
/// backup is asked; the week cannot be marked complete while a red KPI has no commentary. The
/// review records what to send and which reminders to set; the service stores them together.
/// </summary>
public sealed class VarianceReview(VarianceReviewData data, long version, ScoreboardSettings settings, DateTimeOffset now) : Aggregate<VarianceReviewData>(data, version)
{
    public const string Kind = "variance-review";
    public const string PromptKind = "variance-prompt";
    public const string RemindDue = "variance.remind";
    public const string BackupDue = "variance.backup";

    public override string Id => Data.Week;
    public override string StoredState => Data.State.ToString();
    public ScoreboardSettings Settings { get; } = settings;
    public IsoWeek Week => IsoWeek.TryParse(Data.Week)!.Value;

    public static VarianceReview Open(IsoWeek week, ScoreboardSettings settings, DateTimeOffset now) =>
        new(new VarianceReviewData { Week = week.ToString(), OpenedAt = now }, 0, settings, now);

    public static string PromptId(IsoWeek week, string kpi) => $"{week}/{kpi}";

    /// <summary>Asks the KPI's owner (or <paramref name="escalationOwner"/> if it has none) for commentary; a KPI already asked is left alone.</summary>
    public void Ask(Kpi kpi, string escalationOwner)
    {
        if (Data.Prompts.ContainsKey(kpi.Id)) return;
        var prompt = new VariancePrompt { Kpi = kpi.Id, AskedOf = kpi.Owner ?? escalationOwner, AskedAt = now };
        Data.Prompts[kpi.Id] = prompt;
        Send(prompt, $"{kpi.Name} was red in {Data.Week}. Please add variance commentary: the cause, the action, and when it will be back to target.");
        Schedule(prompt, RemindDue, now + Settings.RemindAfter);
    }

    public void Remind(Kpi kpi)
    {
        if (Prompt(kpi) is not { } prompt || !PromptMachine.TryFire(prompt, PromptTrigger.Remind)) return;
        Send(prompt, $"Reminder: {kpi.Name} is still red in {Data.Week} and has no commentary. The week cannot be closed without it.");
        Schedule(prompt, BackupDue, now + Settings.BackupAfter);
    }

    public void AskBackup(Kpi kpi, string escalationOwner)
    {
        if (Prompt(kpi) is not { } prompt || !PromptMachine.TryFire(prompt, PromptTrigger.AskBackup)) return;
        var first = prompt.AskedOf;
        prompt.AskedOf = kpi.Backup ?? escalationOwner;
        Send(prompt, $"{kpi.Name} was red in {Data.Week} and its owner has not answered in {(Settings.RemindAfter + Settings.BackupAfter).TotalHours:0} hours. As backup owner, please add the variance commentary.");
        Send(new Notification(Recipient.Person(first), $"No commentary for {kpi.Name} ({Data.Week}) yet, so the backup owner has been asked."));
        // Seed §12: missing variance commentary becomes a ticket, so it is tracked beyond chat.
        Ask(new FollowUpRequest($"variance/{Data.Week}/{kpi.Id}/missing", prompt.AskedOf,
            $"Variance commentary for {kpi.Name} ({Data.Week}) is missing: its owner has not answered. Add the cause, action and recovery date from the prompt's card.", PromptId(Week, kpi.Id)));
    }

    /// <summary>Seed §12: a KPI without an owner becomes a ticket for <paramref name="escalationOwner"/>, once a month while it stays so.</summary>
    public void TicketUnowned(Kpi kpi, string escalationOwner) =>
        Ask(new FollowUpRequest($"kpi/{kpi.Id}/unowned/{now:yyyy-MM}", escalationOwner,
            $"{kpi.Name} has no owner in the KPI catalog, so nobody answers for it when it is red. Name one with `/kpi propose {kpi.Id} owner:<person> …`, an RFC to the Governance Council.", kpi.Id));

    public void Answer(Kpi kpi, Actor actor, string cause, string action, DateOnly recoveryBy)
    {
        var prompt = Prompt(kpi) ?? throw new RefusedException(RefusalKind.NotAllowedNow,
            $"{kpi.Name} was not red in {Data.Week}, so it needs no commentary.", PromptId(Week, kpi.Id));
        if (actor.Id != kpi.Owner && actor.Id != kpi.Backup && actor.Id != prompt.AskedOf)
            throw new RefusedException(RefusalKind.Forbidden,
                $"Only {kpi.Name}'s owner or backup owner may write its commentary, and you ({actor.Name}) are neither.", PromptId(Week, kpi.Id));
        if (string.IsNullOrWhiteSpace(cause) || string.IsNullOrWhiteSpace(action))
            throw new RefusedException(RefusalKind.Invalid, "Commentary needs both a cause and an action; nothing was saved.");
        if (recoveryBy < DateOnly.FromDateTime(now.UtcDateTime))
            throw new RefusedException(RefusalKind.Invalid, $"The recovery date {recoveryBy:yyyy-MM-dd} is in the past; give the date you expect {kpi.Name} back on target.");
        PromptMachine.For(prompt).Fire(PromptTrigger.Answer);
        prompt.Commentary = new VarianceCommentary(cause.Trim(), action.Trim(), recoveryBy, actor.Id, now);
        Cancel(ReminderKey(prompt, RemindDue));
        Cancel(ReminderKey(prompt, BackupDue));
    }

    /// <summary>Marks the week done, or refuses naming every red KPI still without commentary; those not yet asked are asked now.</summary>
    public void Complete(Actor actor, IReadOnlyList<Kpi> red, string escalationOwner)
    {
        var machine = VarianceReviewMachine.For(Data);
        if (!machine.CanFire(VarianceReviewTrigger.Complete))
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{Data.Week} was already marked complete by {Data.CompletedBy} at {Data.CompletedAt:yyyy-MM-dd HH:mm} UTC.", Data.Week);
        var missing = red.Where(k => Data.Prompts.GetValueOrDefault(k.Id)?.Commentary is null).ToList();
        if (missing.Count > 0)
        {
            foreach (var kpi in missing) Ask(kpi, escalationOwner);
            throw new RefusedException(RefusalKind.NotAllowedNow,
                $"{Data.Week} cannot be marked complete: {missing.Count} red KPI(s) have no variance commentary: " +
                string.Join("; ", missing.Select(k => $"{k.Name} (asked: {Data.Prompts[k.Id].AskedOf})")) + ". Their owners have been asked.", Data.Week);
        }
        machine.Fire(VarianceReviewTrigger.Complete);
        Data.CompletedBy = actor.Id;
        Data.CompletedAt = now;
    }

    private VariancePrompt? Prompt(Kpi kpi) => Data.Prompts.GetValueOrDefault(kpi.Id);

    private void Send(VariancePrompt prompt, string text) =>
        Send(new Notification(Recipient.Person(prompt.AskedOf), text, new Subject(PromptKind, PromptId(Week, prompt.Kpi))));

    private void Schedule(VariancePrompt prompt, string kind, DateTimeOffset due) =>
        Schedule(new Reminder(ReminderKey(prompt, kind), kind, PromptId(Week, prompt.Kpi), due));

    private string ReminderKey(VariancePrompt prompt, string kind) => $"variance/{Data.Week}/{prompt.Kpi}/{kind}";
}
