namespace ExecOps.Tests.Support;

/// <summary>
/// A clock tests move by hand. Timers made from it (Task.Delay with this provider, Quartz's waits)
/// fall due on this clock too, and fire when <see cref="Advance"/> passes them, on the thread pool,
/// so nothing waits for real time to pass.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = start;

    public ManualClock() : this(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() { lock (gate) return now; }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>
    /// When the timers not yet fired fall due, soonest first. A call held back to wait on this clock
    /// shows here at once, so a test can see it is held without waiting to see that it does not happen.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Waiting { get { lock (gate) return timers.Select(t => t.DueAt).Order().ToList(); } }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        lock (gate) now += by;
        FireDue();
    }

    private void FireDue()
    {
        List<ManualTimer> due;
        lock (gate)
        {
            due = timers.Where(t => t.DueAt <= now).ToList();
            foreach (var timer in due)
            {
                if (timer.Period > TimeSpan.Zero) timer.DueAt = now + timer.Period;
                else timers.Remove(timer);
            }
        }
        foreach (var timer in due) ThreadPool.QueueUserWorkItem(_ => timer.Fire());
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }
        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                DueAt = clock.now + dueTime;
                clock.timers.Add(this);
            }
            if (dueTime <= TimeSpan.Zero) clock.FireDue();
            return true;
        }

        public void Dispose() { lock (clock.gate) clock.timers.Remove(this); }

        public ValueTask DisposeAsync() { Dispose(); return ValueTask.CompletedTask; }
    }
}
