namespace ExecOps.Workflows.Storage;

/// <summary>Gap-free numbering (INC-1, INC-2, ...) that rolls back with the transaction that used it.</summary>
public sealed class CounterRows(UnitOfWork unit)
{
    public async Task<long> NextAsync(string name)
    {
        await using var command = unit.Command(
            "INSERT INTO counters (name, value) VALUES (@name, 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value",
            ("@name", name));
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
