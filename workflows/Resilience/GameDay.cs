using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Machines;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Reminders;

namespace ExecOps.Workflows.Resilience;

/// <summary>A game day of the catalog: planned on a date for a service, run, and recorded with who took part; a failure is told and raised as a risk.</summary>
public sealed class GameDay(GameDayData data, long version, ResilienceSettings settings, DateTimeOffset now) : Aggregate<GameDayData>(data, version)
{
    public const string Kind = "gameday";
    public const string Due = "resilience.gameday";

    public override string Id => Data.Id;
    public override string StoredState => Data.State.ToString();

    public static GameDay Plan(long number, string name, string service, string scenario, DateOnly on, string? owner, Actor actor, ResilienceSettings settings, DateTimeOffset now)
    {
        var data = new GameDayData { Id = $"GD-{number}", Number = number, Name = name, Service = service, Scenario = scenario, On = on, AddedBy = actor.Id };
        var gameDay = new GameDay(data, 0, settings, now);
        gameDay.Note(actor.Id, "gameday", $"planned for {on:yyyy-MM-dd} on {service}: {scenario}", now);
        if (owner is not null)
            gameDay.Schedule(new Reminder($"gameday/{data.Id}/due", Due, data.Id, new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)));
        return gameDay;
    }

    /// <param name="mayRecord">Whether the actor owns the service, commands incidents or is an admin: the machine's guard.</param>
    public void Record(Actor actor, bool passed, string notes, IReadOnlyList<string> participants, bool mayRecord)
    {
        AssertRecordable(actor, passed, mayRecord);
        (Data.RecordedBy, Data.RecordedAt, Data.Notes, Data.Participants) = (actor.Id, now, notes, [.. participants]);
        Note(actor.Id, "gameday", $"{(passed ? "passed" : "failed")} with {string.Join(", ", participants)}: {notes}", now);
        Cancel($"gameday/{Id}/due");
        if (!passed)
            Send(new Notification(Recipient.Channel(settings.Channel), $"Game day {Id} \"{Data.Name}\" on {Data.Service} failed: {notes}", new Subject(Kind, Id)));
    }

    /// <summary>The day came: its service's owner is asked to run it and record the result.</summary>
    public void Remind(string owner)
    {
        if (Data.WasRun) return;
        Send(new Notification(Recipient.Person(owner), $"Game day {Id} \"{Data.Name}\" on {Data.Service} is today: {Data.Scenario}. Record it with " +
            $"`/resilience gameday record {Id} result:passed|failed notes:\"…\" with:@a,@b`.", new Subject(Kind, Id)));
    }

    private void AssertRecordable(Actor actor, bool passed, bool mayRecord) =>
        GameDayMachine.For(Data, () => mayRecord).FireOrRefuse(passed ? GameDayTrigger.Pass : GameDayTrigger.Fail, Id, Id);
}
