using System.Security.Cryptography;
using System.Text;

namespace ExecOps.Workflows.Storage;

/// <summary>An audited act: who did (or was refused) what to which thing.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string Actor, string Action, string Subject, string Outcome, string Detail, string Hash);

/// <summary>
/// The append-only audit log. Each row's hash covers the previous row's hash, so a row edited or
/// removed behind the database's back breaks the chain from that row on, and <see cref="VerifyAsync"/> says where.
/// </summary>
public sealed class AuditRows(UnitOfWork unit)
{
    public const string Allowed = "allowed";
    public const string Refused = "refused";

    private readonly HashSet<string> subjects = [];

    /// <summary>Whether this unit of work already holds an audit row about <paramref name="subject"/>.</summary>
    public bool Covers(string subject) => subjects.Contains(subject);

    public async Task AppendAsync(string actor, string action, string subject, string outcome, string detail)
    {
        var previous = await LastHashAsync();
        var at = unit.Now.ToStored();
        var hash = Hash(previous, at, actor, action, subject, outcome, detail);
        await using var command = unit.Command(
            "INSERT INTO audit (at, actor, action, subject, outcome, detail, previous_hash, hash) VALUES (@at, @actor, @action, @subject, @outcome, @detail, @previous, @hash)",
            ("@at", at), ("@actor", actor), ("@action", action), ("@subject", subject), ("@outcome", outcome), ("@detail", detail), ("@previous", previous), ("@hash", hash));
        await command.ExecuteNonQueryAsync();
        subjects.Add(subject);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? subject = null)
    {
        await using var command = subject is null
            ? unit.Command("SELECT seq, at, actor, action, subject, outcome, detail, hash FROM audit ORDER BY seq")
            : unit.Command("SELECT seq, at, actor, action, subject, outcome, detail, hash FROM audit WHERE subject = @subject ORDER BY seq", ("@subject", subject));
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync())
            entries.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1).ToInstant(), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        return entries;
    }

    /// <summary>The sequence number of the first row whose hash does not follow from its content and predecessor; null when the chain holds.</summary>
    /// <summary>
    /// A refusal of someone who named nobody (no pass, an altered one): counted for its action and
    /// minute rather than written a row each, so a flood of junk requests cannot grow the log.
    /// </summary>
    private async Task CountAnonymousAsync(string action)
    {
        await using var command = unit.Command(
            "INSERT INTO anonymous_refusals (action, minute, count) VALUES (@action, @minute, 1) ON CONFLICT (action, minute) DO UPDATE SET count = anonymous_refusals.count + 1",
            ("@action", action), ("@minute", unit.Now.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A refusal: a row of its own when it names someone, counted with the others of its minute when it names nobody.</summary>
    public Task RefuseAsync(string? actor, string action, string subject, string detail) =>
        actor is null ? CountAnonymousAsync(action) : AppendAsync(actor, action, subject, Refused, detail);

    /// <summary>Anonymous refusals per action and minute, oldest first.</summary>
    public async Task<IReadOnlyList<(string Action, string Minute, long Count)>> AnonymousAsync()
    {
        await using var command = unit.Command("SELECT action, minute, count FROM anonymous_refusals ORDER BY minute, action");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, long)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return rows;
    }

    public async Task<long?> VerifyAsync()
    {
        await using var command = unit.Command("SELECT seq, at, actor, action, subject, outcome, detail, previous_hash, hash FROM audit ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync();
        var previous = "";
        while (await reader.ReadAsync())
        {
            var expected = Hash(previous, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6));
            if (reader.GetString(7) != previous || reader.GetString(8) != expected) return reader.GetInt64(0);
            previous = expected;
        }
        return null;
    }

    private async Task<string> LastHashAsync()
    {
        await using var command = unit.Command("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1");
        return await command.ExecuteScalarAsync() as string ?? "";
    }

    private static string Hash(params string[] fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", fields))));
}
