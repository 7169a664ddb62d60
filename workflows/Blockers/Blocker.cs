using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Blockers;

/// <summary>The rungs of a blocker's ladder, read from the ownership map for the team it waits on, and that team's response SLA.</summary>
public sealed record BlockerLadder(string Team, string TeamName, string Channel, string? Lead, string? Exec, string Ceo, TimeSpan Sla)
{
    /// <summary>Who holds a rung: a missing lead or exec passes it up, so a rung is never nobody's.</summary>
    public string Holder(int rung) => rung switch
    {
        <= 1 => Lead ?? Exec ?? Ceo,
        2 => Exec ?? Ceo,
        _ => Ceo,
    };

    public bool Holds(Actor actor) => actor.Id == Lead || actor.Id == Exec || actor.Id == Ceo || actor.Has(Roles.Admin);
}

/// <summary>
/// A blocker on an internal dependency (seed §10): one team waits on another's platform, data or security review. The team
/// has its SLA to respond; past it the blocker climbs the ladder, each rung a card with Unblock, Reassign and Accept delay,
/// and everything it goes through is logged.
/// </summary>
public sealed class Blocker : Aggregate<BlockerData>
{
    public const string Kind = "blocker";
    public const string EscalateDue = "blocker.escalate";
    public const string ResumeDue = "blocker.resume";
    public const int TopRung = 3;
    public static readonly TimeSpan LongestDelay = TimeSpan.FromDays(90);

    private readonly Lazy<Stateless.StateMachine<BlockerState, BlockerTrigger>> machine;
    private readonly DateTimeOffset now;
    private Actor actor = Actor.System;

    public Blocker(BlockerData data, long version, BlockerLadder ladder, DateTimeOffset now) : base(data, version)
    {
        Ladder = ladder;
        this.now = now;
        machine = new(() => BlockerMachine.For(data, new BlockerAuthority(() => Ladder.Holds(actor), () => actor.Id == Data.OpenedBy || Ladder.Holds(actor), () => Data.Rung < TopRung)));
    }

    public BlockerLadder Ladder { get; private set; }
    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();
    public string Holder => Ladder.Holder(Data.Rung);

    public bool Can(Actor viewer, BlockerTrigger trigger)
    {
        actor = viewer;
        return machine.Value.CanFire(trigger);
    }

    public static Blocker Open(long number, string what, BlockerLadder ladder, string? entry, string? @for, Actor actor, DateTimeOffset now)
    {
        var data = new BlockerData
        {
            Id = $"BLK-{number}", Number = number, What = what, Team = ladder.Team, Entry = entry, For = @for, OpenedBy = actor.Id, OpenedAt = now, DueAt = now + ladder.Sla,
        };
        var blocker = new Blocker(data, 0, ladder, now);
        var on = entry is null ? ladder.TeamName : $"{ladder.TeamName} ({entry})";
        blocker.Step(actor.Id, $"opened on {on}{(@for is null ? "" : $" for {@for}")}; response due {data.DueAt:yyyy-MM-dd HH:mm} UTC");
        var text = $"{data.Id}: {actor.Name} is blocked on {on}{(@for is null ? "" : $", holding up {@for}")}: {what}. The team's response is due by {data.DueAt:yyyy-MM-dd HH:mm} UTC ({ladder.Sla.TotalHours:0} h); after that it goes to {ladder.Holder(1)}.";
        blocker.Send(new Notification(Recipient.Channel(ladder.Channel), text, new Subject(Kind, data.Id)));
        blocker.Tell(ladder.Holder(0), text);
        blocker.Schedule(new Reminder(blocker.EscalateKey, EscalateDue, data.Id, data.DueAt));
        return blocker;
    }

    /// <summary>The SLA ran out on this rung: up one, with a card to its holder; at the top it stays with the CEO.</summary>
    public void Escalate()
    {
        if (!machine.Value.CanFire(BlockerTrigger.Escalate)) return;
        machine.Value.Fire(BlockerTrigger.Escalate);
        Data.Rung++;
        Data.DueAt = now + Ladder.Sla;
        Step(Actor.System.Id, $"escalated to rung {Data.Rung}: {Holder}");
        AskHolder($"{Id} has waited since {Data.OpenedAt:yyyy-MM-dd HH:mm} UTC on {Ladder.TeamName}: {Data.What}. It is yours now (rung {Data.Rung} of the ladder). Unblock it, reassign it, or accept the delay.");
        Tell(Data.OpenedBy, $"{Id} is escalated to {Holder}: {Ladder.TeamName} did not respond in {Ladder.Sla.TotalHours:0} h.");
        if (Data.Rung < TopRung) Schedule(new Reminder(EscalateKey, EscalateDue, Id, Data.DueAt));
    }

    public void Unblock(Actor by, string? note)
    {
        Fire(by, BlockerTrigger.Unblock);
        (Data.UnblockedBy, Data.UnblockedAt) = (by.Id, now);
        Step(by.Id, "unblocked" + (note is null ? "" : $": {note}"));
        Cancel(EscalateKey);
        Cancel(ResumeKey);
        var text = $"{Id} is unblocked by {by.Name}{(note is null ? "" : $": {note}")}. ({Data.What})";
        foreach (var person in new[] { Data.OpenedBy, Holder }.Distinct().Where(p => p != by.Id)) Tell(person, text);
        Send(new Notification(Recipient.Channel(Ladder.Channel), text, new Subject(Kind, Id)));
    }

    /// <summary>To another team: back to that team's rung with its own SLA, the old team and the opener told.</summary>
    public void Reassign(Actor by, BlockerLadder to, string? entry)
    {
        if (to.Team == Ladder.Team)
            throw new RefusedException(RefusalKind.Invalid, $"{Id} already waits on {Ladder.TeamName}; name another team to reassign it to.", Id);
        Fire(by, BlockerTrigger.Reassign);
        var from = Ladder;
        Ladder = to;
        (Data.Team, Data.Entry, Data.Rung, Data.DueAt, Data.DelayedUntil, Data.DelayReason) = (to.Team, entry, 0, now + to.Sla, null, null);
        Step(by.Id, $"reassigned from {from.TeamName} to {to.TeamName}; response due {Data.DueAt:yyyy-MM-dd HH:mm} UTC");
        Cancel(ResumeKey);
        Schedule(new Reminder(EscalateKey, EscalateDue, Id, Data.DueAt));
        var text = $"{Id} is reassigned to {to.TeamName} by {by.Name}: {Data.What}. Its response is due by {Data.DueAt:yyyy-MM-dd HH:mm} UTC.";
        Send(new Notification(Recipient.Channel(to.Channel), text, new Subject(Kind, Id)));
        Tell(to.Holder(0), text);
        Tell(Data.OpenedBy, text);
        Send(new Notification(Recipient.Channel(from.Channel), $"{Id} is no longer {from.TeamName}'s: {by.Name} reassigned it to {to.TeamName}."));
    }

    /// <summary>The one on the ladder agrees to wait until a date: the climb stops until then, and the opener hears why.</summary>
    public void AcceptDelay(Actor by, DateOnly until, string reason)
    {
        var end = new DateTimeOffset(until.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        if (end <= now || end > now + LongestDelay)
            throw new RefusedException(RefusalKind.Invalid, $"until:{until:yyyy-MM-dd} must be after today and within {LongestDelay.TotalDays:0} days; a delay is accepted to a date, then the blocker climbs again.", Id);
        Fire(by, BlockerTrigger.AcceptDelay);
        (Data.DelayedUntil, Data.DelayReason) = (end, reason);
        Step(by.Id, $"delay accepted until {until:yyyy-MM-dd}: {reason}");
        Cancel(EscalateKey);
        Schedule(new Reminder(ResumeKey, ResumeDue, Id, end));
        var text = $"{by.Name} accepts the delay of {Id} until {until:yyyy-MM-dd}: {reason}. It climbs the ladder again then if it is still blocked.";
        Tell(Data.OpenedBy, text);
        Send(new Notification(Recipient.Channel(Ladder.Channel), text, new Subject(Kind, Id)));
    }

    /// <summary>The accepted delay ended with the blocker still there: its rung's holder is asked again, on a fresh clock.</summary>
    public void Resume()
    {
        if (!machine.Value.CanFire(BlockerTrigger.Resume)) return;
        machine.Value.Fire(BlockerTrigger.Resume);
        Data.Rung = Math.Max(Data.Rung, 1);
        Data.DueAt = now + Ladder.Sla;
        Step(Actor.System.Id, $"the accepted delay ended; back with {Holder}");
        AskHolder($"The delay accepted on {Id} ended {Data.DelayedUntil:yyyy-MM-dd} and it is still blocked: {Data.What}. Unblock it, reassign it, or accept a further delay.");
        (Data.DelayedUntil, Data.DelayReason) = (null, null);
        if (Data.Rung < TopRung) Schedule(new Reminder(EscalateKey, EscalateDue, Id, Data.DueAt));
    }

    private void Fire(Actor by, BlockerTrigger trigger)
    {
        actor = by;
        machine.Value.FireOrRefuse(trigger, Id, Id);
    }

    private void AskHolder(string text) => Tell(Holder, text);

    private void Tell(string person, string text) => Send(new Notification(Recipient.Person(person), text, new Subject(Kind, Id)));

    private void Step(string by, string what)
    {
        Data.History.Add(new BlockerStep(now, by, what));
        Note(by, "blocker", what, now);
    }

    private string EscalateKey => $"blocker/{Id}/escalate";
    private string ResumeKey => $"blocker/{Id}/resume";
}
