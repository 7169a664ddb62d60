namespace ExecOps.Workflows.Storage;

/// <summary>Who holds a lease, and until when.</summary>
public sealed record Lease(string Name, string Holder, DateTimeOffset Until);

/// <summary>
/// Leases: work one replica does at a time (the outbox's delivery, the inbox's sweep) is done by the
/// replica holding its lease, which renews it while it works. A lease nobody renewed is free once it
/// runs out, so when its holder dies another replica takes the work over within one term.
/// </summary>
public sealed class LeaseRows(ISqlScope unit)
{
    /// <summary>Takes or renews the lease until <paramref name="until"/>; false while another holder's term runs.</summary>
    /// <remarks>Another replica's take waits on the row, then sees this holder's term and is refused.</remarks>
    public async Task<bool> TryHoldAsync(string name, string holder, DateTimeOffset until)
    {
        await using var command = unit.Command(
            """
            INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.holder = excluded.holder OR leases.expires_at <= @now
            """,
            ("@name", name), ("@holder", holder), ("@until", until.ToStored()), ("@now", unit.Now.ToStored()));
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>Gives the lease up at once (a replica stopping), so the next holder need not wait out the term.</summary>
    public async Task ReleaseAsync(string name, string holder)
    {
        await using var command = unit.Command("DELETE FROM leases WHERE name = @name AND holder = @holder", ("@name", name), ("@holder", holder));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every lease still running.</summary>
    public async Task<IReadOnlyList<Lease>> HeldAsync()
    {
        await using var command = unit.Command("SELECT name, holder, expires_at FROM leases WHERE expires_at > @now ORDER BY name", ("@now", unit.Now.ToStored()));
        await using var reader = await command.ExecuteReaderAsync();
        var leases = new List<Lease>();
        while (await reader.ReadAsync()) leases.Add(new Lease(reader.GetString(0), reader.GetString(1), reader.GetString(2).ToInstant()));
        return leases;
    }
}
