using ExecOps.Workflows.Machines;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Compliance;

/// <summary>A control's quarterly internal audit dry run: its owner confirms it or records findings, each of which becomes a task and a ticket.</summary>
public sealed partial class Control
{
    public const string DryRunKind = "control-dry-run";
    public const string DryRunReminder = "compliance.dry-run-reminder";

    /// <summary>An unanswered dry run is asked again, of the owner and the backup, after this long.</summary>
    public static readonly TimeSpan DryRunNudge = TimeSpan.FromDays(7);

    /// <summary>The quarter a moment falls in where the rhythm runs: 09:00 on 1 January in Sydney is still December in UTC.</summary>
    public static string QuarterOf(DateTimeOffset at, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return $"{local.Year}-Q{(local.Month - 1) / 3 + 1}";
    }

    /// <summary>Opens the quarter's dry run, once: a second call for the same quarter (a redelivered rhythm) asks nothing again.</summary>
    public void AskDryRun(string quarter)
    {
        if (Data.DryRuns.Any(d => d.Quarter == quarter)) return;
        Data.DryRuns.Add(new DryRunData { Quarter = quarter, AskedAt = now });
        Log(Actor.System, $"dry run {quarter} asked of {Definition.Owner}");
        Tell(Definition.Owner, $"Internal audit dry run {quarter}: does {Id} \"{Definition.Title}\" work as written? Confirm it, or record what you found.", DryRunAbout(quarter), DryRunKind);
        Schedule(new Reminder(DryRunKey(quarter), DryRunReminder, $"{Id}/{quarter}", now + DryRunNudge));
    }

    public void ConfirmDryRun(Actor actor, string quarter)
    {
        var run = DryRun(quarter);
        DryRunMachine.For(run, () => Owns(actor)).FireOrRefuse(DryRunTrigger.Confirm, $"{Id}'s dry run {quarter}", Id);
        Answered(run, actor);
        Log(actor, $"dry run {quarter}: confirmed working as written");
    }

    public Finding RecordFinding(Actor actor, string quarter, string text)
    {
        var run = DryRun(quarter);
        if (string.IsNullOrWhiteSpace(text)) throw new RefusedException(RefusalKind.Invalid, "Say what the dry run found, e.g. \"two leavers still had VPN access\".", Id);
        DryRunMachine.For(run, () => Owns(actor)).FireOrRefuse(DryRunTrigger.RecordFinding, $"{Id}'s dry run {quarter}", Id);
        Answered(run, actor);
        var number = run.Findings.Count + 1;
        var finding = new Finding(number, now, actor.Id, Bounds.Text(text, "The finding", Bounds.Note, Id), $"compliance/{Id}/dry-run/{quarter}/finding/{number}");
        run.Findings.Add(finding);
        Log(actor, $"dry run {quarter}: finding {number}: {finding.Text}");
        Ask(new FollowUpRequest(finding.TaskKey, Definition.Owner, $"{Id} dry run {quarter}, finding {number}: {finding.Text}", Id));
        return finding;
    }

    public void RemindDryRun(string quarter)
    {
        if (Data.DryRuns.FirstOrDefault(d => d.Quarter == quarter) is not { IsUnanswered: true }) return;
        foreach (var person in new[] { Definition.Owner, Definition.Backup })
            Tell(person, $"Internal audit dry run {quarter}: {Id} \"{Definition.Title}\" is still unanswered. Confirm it with `/compliance confirm {Id}`, or record a finding with `/compliance finding {Id} \"…\"`.",
                DryRunAbout(quarter), DryRunKind);
    }

    /// <summary>The named quarter's dry run, or the latest one.</summary>
    public string QuarterOrLatest(string? quarter) => quarter ?? Data.DryRuns.LastOrDefault()?.Quarter
        ?? throw new RefusedException(RefusalKind.NotFound, $"{Id} has had no dry run yet; dry runs open on the first day of each quarter.", Id);

    public DryRunData DryRun(string quarter) => Data.DryRuns.FirstOrDefault(d => d.Quarter == quarter)
        ?? throw new RefusedException(RefusalKind.NotFound, $"{Id} has no dry run for {quarter}; dry runs open on the first day of each quarter.", Id);

    /// <summary>The owner and the backup answer for the control.</summary>
    public bool Owns(Actor actor) => actor.Id == Definition.Owner || actor.Id == Definition.Backup;

    private void Answered(DryRunData run, Actor actor)
    {
        run.AnsweredBy ??= actor.Id;
        run.AnsweredAt ??= now;
        Cancel(DryRunKey(run.Quarter));
    }

    private string DryRunAbout(string quarter) => $"{Id}/{quarter}";

    private string DryRunKey(string quarter) => $"compliance/{Id}/dry-run/{quarter}/remind";
}
