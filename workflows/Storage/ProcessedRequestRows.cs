namespace ExecOps.Workflows.Storage;

/// <summary>
/// Requests already handled, by the id their sender gave them, with the answer given. A replayed
/// request (a platform retry, a double click) is recognised and answered the same way twice.
/// </summary>
public sealed class ProcessedRequestRows(ISqlScope unit)
{
    public async Task<string?> FindAsync(string key)
    {
        await using var command = unit.Command("SELECT response FROM processed_requests WHERE key = @key", ("@key", key));
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Takes <paramref name="key"/> for this unit of work; false when another already took it.</summary>
    public async Task<bool> TryClaimAsync(string key)
    {
        await using var command = unit.Command(
            "INSERT INTO processed_requests (key, at, response) VALUES (@key, @at, '') ON CONFLICT (key) DO NOTHING",
            ("@key", key), ("@at", unit.Now.ToStored()));
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>
    /// Notes that the request's answers are in the outbox, claiming it if nothing did (a read): a run
    /// again, after a crash or a redelivery, says nothing more.
    /// </summary>
    /// <returns>False when its answers were already there.</returns>
    public async Task<bool> TryMarkAnsweredAsync(string key)
    {
        await using var command = unit.Command(
            "INSERT INTO processed_requests (key, at, response) VALUES (@key, @at, @answered) ON CONFLICT (key) DO UPDATE SET response = @answered WHERE processed_requests.response <> @answered",
            ("@key", key), ("@at", unit.Now.ToStored()), ("@answered", Answered));
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public const string Answered = "answered";

    /// <summary>Keeps the answer a request was given, claimed or not, so a retry of it is given the same.</summary>
    public async Task SaveResponseAsync(string key, string response)
    {
        await using var command = unit.Command(
            "INSERT INTO processed_requests (key, at, response) VALUES (@key, @at, @response) ON CONFLICT (key) DO UPDATE SET response = excluded.response",
            ("@key", key), ("@at", unit.Now.ToStored()), ("@response", response));
        await command.ExecuteNonQueryAsync();
    }

    public async Task RememberAsync(string key, string response)
    {
        await using var command = unit.Command(
            "INSERT INTO processed_requests (key, at, response) VALUES (@key, @at, @response) ON CONFLICT (key) DO NOTHING",
            ("@key", key), ("@at", unit.Now.ToStored()), ("@response", response));
        await command.ExecuteNonQueryAsync();
    }
}
