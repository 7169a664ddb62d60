using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Workflows.Ownership;

/// <summary>
/// The quarterly ownership audit (seed §10, §12): each owner is asked to confirm everything the map says they own, reminded,
/// then their team's lead is asked and a task opened; zombies and orphans are posted for the exec review. It closes when
/// every owner has answered.
/// </summary>
public sealed class OwnershipAudit(OwnershipAuditData data, long version, OwnershipSettings settings, DateTimeOffset now) : Aggregate<OwnershipAuditData>(data, version)
{
    public const string Kind = "ownership-audit";
    public const string ConfirmationKind = "ownership-confirmation";
    public const string RemindDue = "ownership.confirm-remind";
    public const string BackupDue = "ownership.confirm-backup";

    public override string Id => Data.Quarter;
    public override string StoredState => Data.State.ToString();

    public static OwnershipAudit Open(string quarter, OwnershipMap map, IReadOnlyList<Zombie> zombies, OwnershipSettings settings, DateTimeOffset now)
    {
        var audit = new OwnershipAudit(new OwnershipAuditData { Quarter = quarter, OpenedAt = now, Zombies = [.. zombies], Orphans = [.. map.Orphans] }, 0, settings, now);
        foreach (var owned in map.Entries.Where(e => map.OwnerOf(e) is not null).GroupBy(e => map.OwnerOf(e)!))
        {
            var confirmation = new OwnerConfirmation { Owner = owned.Key, AskedOf = owned.Key, Entries = owned.Select(e => e.Id).ToList(), AskedAt = now };
            audit.Data.Owners[owned.Key] = confirmation;
            audit.Ask(confirmation, $"Ownership audit {quarter}: the ownership map says you own {string.Join(", ", owned.Select(e => $"{e.Id} (Tier {e.Tier})"))}. " +
                "Confirm it from the card, or hand back what is not yours with `/owner disown <entry> \"why\"`.");
            audit.Schedule(new Reminder(audit.ReminderKey(owned.Key, RemindDue), RemindDue, ConfirmationId(quarter, owned.Key), now + settings.RemindAfter));
        }
        audit.Send(new Notification(Recipient.Channel(settings.Channel),
            $"Ownership audit {quarter} is open: {audit.Data.Owners.Count} owner(s) asked to confirm {audit.Data.Owners.Values.Sum(o => o.Entries.Count)} entries. " +
            $"Zombies (nothing for {settings.ZombieDays} days): {List(zombies.Select(z => z.Entry))}. Orphans: {List(audit.Data.Orphans.Select(o => $"{o.Id} ({o.Reason})"))}.",
            new Subject(Kind, quarter)));
        return audit;
    }

    public static string ConfirmationId(string quarter, string owner) => $"{quarter}/{owner}";

    /// <summary>Confirms what the actor was asked about, as the owner or as the lead asked in their place; from a card, only what that card asks.</summary>
    public void Confirm(Actor actor, string? owner = null)
    {
        if (owner is not null && Data.Owners.GetValueOrDefault(owner) is { } asked && asked.Owner != actor.Id && asked.AskedOf != actor.Id)
            throw new RefusedException(RefusalKind.Forbidden, $"This card asks {asked.AskedOf} to confirm what {owner} owns; you ({actor.Name}) may not answer it for them.", Data.Quarter);
        var mine = Data.Owners.Values.Where(o => o.ConfirmedAt is null && (owner is null || o.Owner == owner) && (o.Owner == actor.Id || o.AskedOf == actor.Id)).ToList();
        if (mine.Count == 0)
            throw new RefusedException(RefusalKind.NotAllowedNow, Data.Owners.Values.Any(o => o.Owner == actor.Id || o.AskedOf == actor.Id)
                ? $"You have already answered the ownership audit {Data.Quarter}."
                : $"The ownership audit {Data.Quarter} asks you ({actor.Name}) about nothing: the map names you owner of none of its entries.", Data.Quarter);
        foreach (var confirmation in mine) Answer(confirmation, actor);
        TryClose();
    }

    /// <summary>Hands an entry back: it leaves the owner's list, and the team's lead is asked to give it an owner.</summary>
    public void Disown(Actor actor, OwnedEntry entry, string? lead, string reason)
    {
        var confirmation = Data.Owners.Values.FirstOrDefault(o => o.Entries.Contains(entry.Id) && (o.Owner == actor.Id || o.AskedOf == actor.Id))
            ?? throw new RefusedException(RefusalKind.Forbidden,
                $"The ownership audit {Data.Quarter} does not list {entry.Id} as yours ({actor.Name}), so it is not yours to hand back; an admin reassigns it with `/owner set {entry.Id} owner:@…`.", Data.Quarter);
        confirmation.Entries.Remove(entry.Id);
        Data.Disowned.Add(new Disowning(entry.Id, actor.Id, reason, now));
        var text = $"{actor.Name} says {entry.Id} ({entry.Name}) is not theirs: \"{reason}\". It needs an owner: `/owner set {entry.Id} owner:@…`.";
        if (lead is not null && lead != actor.Id) Ask(new FollowUpRequest($"ownership/{Data.Quarter}/{entry.Id}/owner", lead, text, Data.Quarter));
        Send(new Notification(Recipient.Channel(settings.Channel), $"Ownership audit {Data.Quarter}: {text}", new Subject(Kind, Data.Quarter)));
        if (confirmation.Entries.Count == 0) Answer(confirmation, actor);
        TryClose();
    }

    public void Remind(string owner)
    {
        if (Data.Owners.GetValueOrDefault(owner) is not { } confirmation || !PromptMachine.TryFire(confirmation, PromptTrigger.Remind)) return;
        Ask(confirmation, $"Reminder: the ownership audit {Data.Quarter} is waiting for you to confirm {string.Join(", ", confirmation.Entries)}.");
        Schedule(new Reminder(ReminderKey(owner, BackupDue), BackupDue, ConfirmationId(Data.Quarter, owner), now + settings.BackupAfter));
    }

    /// <param name="backup">The lead of the owner's team, or that team's exec when the owner leads it.</param>
    public void AskBackup(string owner, string backup)
    {
        if (Data.Owners.GetValueOrDefault(owner) is not { } confirmation || !PromptMachine.TryFire(confirmation, PromptTrigger.AskBackup)) return;
        confirmation.AskedOf = backup;
        var text = $"{owner} has not confirmed what they own in the ownership audit {Data.Quarter} ({string.Join(", ", confirmation.Entries)}) in {(settings.RemindAfter + settings.BackupAfter).TotalDays:0} days. " +
            "As their lead, confirm it from the card, or hand entries back with `/owner disown`.";
        Ask(confirmation, text);
        Ask(new FollowUpRequest($"ownership/{Data.Quarter}/{owner}/unconfirmed", backup, text, ConfirmationId(Data.Quarter, owner)));
    }

    private void Answer(OwnerConfirmation confirmation, Actor actor)
    {
        PromptMachine.For(confirmation).Fire(PromptTrigger.Answer);
        (confirmation.ConfirmedBy, confirmation.ConfirmedAt) = (actor.Id, now);
        Cancel(ReminderKey(confirmation.Owner, RemindDue));
        Cancel(ReminderKey(confirmation.Owner, BackupDue));
    }

    private void TryClose()
    {
        var machine = OwnershipAuditMachine.For(Data);
        if (!machine.CanFire(OwnershipAuditTrigger.Close)) return;
        machine.Fire(OwnershipAuditTrigger.Close);
        Data.ClosedAt = now;
        Send(new Notification(Recipient.Channel(settings.Channel),
            $"Ownership audit {Data.Quarter} is closed: every owner has answered. Handed back: {List(Data.Disowned.Select(d => d.Entry))}. Zombies to retire or revive: {List(Data.Zombies.Select(z => z.Entry))}.",
            new Subject(Kind, Data.Quarter)));
    }

    private void Ask(OwnerConfirmation confirmation, string text) =>
        Send(new Notification(Recipient.Person(confirmation.AskedOf), text, new Subject(ConfirmationKind, ConfirmationId(Data.Quarter, confirmation.Owner))));

    private string ReminderKey(string owner, string kind) => $"ownership/{Data.Quarter}/{owner}/{kind}";

    private static string List(IEnumerable<string> items) => items.ToList() is { Count: > 0 } all ? string.Join(", ", all) : "none";
}
