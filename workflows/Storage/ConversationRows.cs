namespace ExecOps.Workflows.Storage;

/// <summary>
/// What a platform calls a conversation the bot knows by name: a channel id on one, a service URL
/// and conversation id on another. Kept so the bot can post on its own, after a restart too.
/// The reference is the platform's own string; storage does not read it.
/// </summary>
public sealed class ConversationRows(UnitOfWork unit)
{
    public async Task<string?> FindAsync(string platform, string name)
    {
        await using var command = unit.Command("SELECT reference FROM conversations WHERE platform = @platform AND name = @name",
            ("@platform", platform), ("@name", name));
        return await command.ExecuteScalarAsync() as string;
    }

    public async Task SaveAsync(string platform, string name, string reference)
    {
        await using var command = unit.Command(
            """
            INSERT INTO conversations (platform, name, reference, created_at) VALUES (@platform, @name, @reference, @now)
            ON CONFLICT (platform, name) DO UPDATE SET reference = excluded.reference
            """,
            ("@platform", platform), ("@name", name), ("@reference", reference), ("@now", unit.Now.ToStored()));
        await command.ExecuteNonQueryAsync();
    }
}
