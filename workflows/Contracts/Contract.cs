using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Contracts;

/// <summary>
/// A customer contract and what may happen to it: imported with its promises (each enforced somewhere or
/// declared a gap), amended with every change recorded, its owner reminded before the notice deadline.
/// </summary>
public sealed class Contract(ContractData data, long version, ContractSettings settings, DateTimeOffset now) : Aggregate<ContractData>(data, version)
{
    public const string Kind = "contract";
    public const string NoticeReminder = "contract.notice-reminder";
    public const string GapDue = "contract.gap-due";
    public const string Ends = "contract.end";

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();

    public static Contract Create(long number, ContractTerms terms, Actor actor, ContractSettings settings, DateTimeOffset now)
    {
        var contract = new Contract(new ContractData { Id = $"CON-{number}", Number = number, CreatedBy = actor.Id, CreatedAt = now }, 0, settings, now);
        contract.Apply(terms);
        contract.Log(actor, $"imported: {terms.Customer} ({terms.Tier}), {terms.Start:yyyy-MM-dd} to {terms.End:yyyy-MM-dd}, {terms.Promises.Count} promise(s)");
        contract.ScheduleAll();
        if (terms.Owner != actor.Id) contract.Tell(terms.Owner, $"{contract.Id} {terms.Customer} ({terms.Reference}) is yours to own; notice of non-renewal is due by {contract.Data.NoticeDeadline:yyyy-MM-dd}.");
        foreach (var gap in terms.Promises.Where(p => p.IsGap))
            contract.Tell(gap.GapOwner!, $"{contract.Id} {terms.Customer} promises {gap.Terms} and nothing enforces it yet; it is yours to close by {gap.GapDue:yyyy-MM-dd}.");
        return contract;
    }

    /// <summary>New terms for this contract: every difference is recorded with who and when; the same terms again change nothing.</summary>
    /// <returns>The changes, none when the terms are the ones in force.</returns>
    public IReadOnlyList<string> Amend(Actor actor, ContractTerms terms)
    {
        var changes = Differences(terms).ToList();
        if (changes.Count == 0) return changes;
        Fire(ContractTrigger.Amend, "amend");
        CancelAll();
        Apply(terms);
        Data.Amendments.Add(new Amendment(now, actor.Id, changes));
        foreach (var change in changes) Log(actor, $"amended: {change}");
        ScheduleAll();
        return changes;
    }

    public void RemindNotice(int days)
    {
        if (!Data.IsActive) return;
        Tell(Data.Owner, $"{Id} {Data.Customer} ({Data.Tier}): notice of non-renewal is due by {Data.NoticeDeadline:yyyy-MM-dd}, in {days} day(s); the contract ends {Data.End:yyyy-MM-dd}." +
            (Data.Penalty is { } penalty ? $" At stake: {penalty}." : ""));
    }

    public void RemindGap(int number)
    {
        if (!Data.IsActive || Data.Promises.FirstOrDefault(p => p.Number == number) is not { IsGap: true } gap) return;
        Tell(gap.GapOwner!, $"{Id} {Data.Customer} promises {gap.Terms} and nothing enforces it; closing the gap was due {gap.GapDue:yyyy-MM-dd}. Map it to a KPI, a control or a setting and import the contract again.");
    }

    public void End()
    {
        if (!Data.IsActive) return;
        ContractMachine.For(Data).Fire(ContractTrigger.End);
        CancelAll();
        Log(Actor.System, $"ended {Data.End:yyyy-MM-dd}");
    }

    private IEnumerable<string> Differences(ContractTerms terms)
    {
        if (terms.Customer != Data.Customer) yield return $"customer {Data.Customer} → {terms.Customer}";
        if (terms.Tier != Data.Tier) yield return $"tier {Data.Tier} → {terms.Tier}";
        if (terms.Start != Data.Start || terms.End != Data.End) yield return $"term {Data.Start:yyyy-MM-dd}..{Data.End:yyyy-MM-dd} → {terms.Start:yyyy-MM-dd}..{terms.End:yyyy-MM-dd}";
        if (terms.NoticeDays != Data.NoticeDays) yield return $"notice {Data.NoticeDays} → {terms.NoticeDays} days";
        if (terms.Penalty != Data.Penalty) yield return $"penalty {Data.Penalty ?? "none"} → {terms.Penalty ?? "none"}";
        if (terms.Owner != Data.Owner) yield return $"owner {Data.Owner} → {terms.Owner}";
        if (!terms.Services.SequenceEqual(Data.Services)) yield return $"services {string.Join(", ", Data.Services)} → {string.Join(", ", terms.Services)}";
        var before = Data.Promises.Select(p => $"{p.Terms} ({p.Enforcement})").ToList();
        var after = terms.Promises.Select(p => $"{p.Terms} ({p.Enforcement})").ToList();
        foreach (var gone in before.Except(after)) yield return $"promise removed: {gone}";
        foreach (var added in after.Except(before)) yield return $"promise added: {added}";
    }

    private void Apply(ContractTerms terms)
    {
        Data.Reference = terms.Reference;
        Data.Customer = terms.Customer;
        Data.Tier = terms.Tier;
        Data.Start = terms.Start;
        Data.End = terms.End;
        Data.NoticeDays = terms.NoticeDays;
        Data.Penalty = terms.Penalty;
        Data.Owner = terms.Owner;
        Data.Services = [.. terms.Services];
        Data.Promises = [.. terms.Promises];
    }

    private void ScheduleAll()
    {
        foreach (var days in settings.ReminderDays.Distinct())
        {
            var due = At(Data.NoticeDeadline.AddDays(-days));
            if (due > now) Schedule(new Reminder(Key($"notice/{days}"), NoticeReminder, $"{Id}/{days}", due));
        }
        foreach (var gap in Data.Promises.Where(p => p.IsGap && At(p.GapDue!.Value) > now))
            Schedule(new Reminder(Key($"gap/{gap.Number}"), GapDue, $"{Id}/{gap.Number}", At(gap.GapDue!.Value)));
        Schedule(new Reminder(Key("end"), Ends, Id, new DateTimeOffset(Data.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
    }

    private void CancelAll()
    {
        foreach (var days in settings.ReminderDays) Cancel(Key($"notice/{days}"));
        foreach (var promise in Data.Promises) Cancel(Key($"gap/{promise.Number}"));
        Cancel(Key("end"));
    }

    private void Fire(ContractTrigger trigger, string what)
    {
        var machine = ContractMachine.For(Data);
        if (!machine.CanFire(trigger))
            throw new RefusedException(RefusalKind.NotAllowedNow, $"{Id} has {Refusals.Words(Data.State)}, so you cannot {what} it; import its renewal under the new contract's reference.", Id);
        machine.Fire(trigger);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private string Key(string what) => $"contract/{Id}/{what}";

    private void Log(Actor actor, string what) => Note(actor.Id, Kind, what, now);

    private void Tell(string person, string text) => Send(new Notification(Recipient.Person(person), text, new Subject(Kind, Id)));
}
