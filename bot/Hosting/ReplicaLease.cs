using System.Diagnostics;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Hosting;

/// <summary>
/// A lease this replica takes for work one replica does at a time. Where the database is not shared
/// (SQLite: one bot) it is always held. The holder renews it more often than its term runs out, and
/// counts it held only until a margin before the term it last wrote, by its own monotonic clock, so it
/// stops before another replica may start.
/// </summary>
public sealed class ReplicaLease(Store store, Replica replica, string name, TimeSpan term)
{
    private long heldUntil;
    private long renewFrom;

    public string Name => name;

    public bool IsHeld => !store.Database.IsShared || Stopwatch.GetTimestamp() < Volatile.Read(ref heldUntil);

    /// <summary>Takes or renews the lease; false while another replica holds it.</summary>
    public async Task<bool> HoldAsync(CancellationToken cancel = default)
    {
        if (!store.Database.IsShared) return true;
        var asked = Stopwatch.GetTimestamp();
        // Renewed once a third of the term has gone, not at every look: a look comes with every message queued.
        if (IsHeld && asked < Volatile.Read(ref renewFrom)) return true;
        var held = await store.WriteAsync(u => u.Leases.TryHoldAsync(name, replica.Name, u.Now + term), cancel);
        Volatile.Write(ref heldUntil, held ? asked + Ticks(0.8) : 0);
        Volatile.Write(ref renewFrom, asked + Ticks(0.3));
        return held;
    }

    private long Ticks(double ofTerm) => (long)(term.TotalSeconds * ofTerm * Stopwatch.Frequency);

    /// <summary>Gives the lease up, so another replica need not wait out its term (this one is stopping).</summary>
    public async Task ReleaseAsync()
    {
        if (!store.Database.IsShared) return;
        Volatile.Write(ref heldUntil, 0);
        await store.WriteAsync(async u => { await u.Leases.ReleaseAsync(name, replica.Name); return true; });
    }
}
