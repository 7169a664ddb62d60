namespace ExecOps.Workflows.Storage;

/// <summary>
/// ASP.NET Core Data Protection's key ring, as the XML elements it writes: kept in the database so that
/// every replica signs and checks links and sessions with the same keys.
/// </summary>
public sealed class KeyRingRows(ISqlScope unit)
{
    public async Task<IReadOnlyList<string>> AllAsync()
    {
        await using var command = unit.Command("SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        await using var reader = await command.ExecuteReaderAsync();
        var elements = new List<string>();
        while (await reader.ReadAsync()) elements.Add(reader.GetString(0));
        return elements;
    }

    public async Task AddAsync(string name, string xml)
    {
        await using var command = unit.Command("INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @now) ON CONFLICT (name) DO NOTHING",
            ("@name", name), ("@xml", xml), ("@now", unit.Now.ToStored()));
        await command.ExecuteNonQueryAsync();
    }
}
