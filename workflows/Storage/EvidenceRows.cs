using System.Data.Common;
using ExecOps.Workflows.Compliance;

namespace ExecOps.Workflows.Storage;

/// <summary>
/// Compliance evidence: append-only (triggers refuse an update or a delete), one row per control and
/// reference, so evidence sent twice, or collected again from the same record, is kept once.
/// </summary>
public sealed class EvidenceRows(ISqlScope scope)
{
    private const string Columns = "seq, control, kind, source, reference, content, sha256, happened_at, recorded_at, recorded_by";

    /// <returns>The stored item, and whether this call added it (false: the reference was already kept).</returns>
    public async Task<(EvidenceItem Item, bool Added)> AppendAsync(NewEvidence evidence)
    {
        bool added;
        await using (var insert = scope.Command(
            "INSERT INTO evidence (control, kind, source, reference, content, sha256, happened_at, recorded_at, recorded_by) " +
            "VALUES (@control, @kind, @source, @reference, @content, @sha, @happened, @now, @by) ON CONFLICT DO NOTHING",
            ("@control", evidence.Control), ("@kind", evidence.Kind), ("@source", evidence.Source.ToString()), ("@reference", evidence.Key),
            ("@content", evidence.Content), ("@sha", evidence.Sha256), ("@happened", evidence.HappenedAt.ToStored()), ("@now", scope.Now.ToStored()), ("@by", evidence.By)))
            added = await insert.ExecuteNonQueryAsync() == 1;
        var items = await QueryAsync("WHERE control = @control AND reference = @reference", ("@control", evidence.Control), ("@reference", evidence.Key));
        return (items[0], added);
    }

    /// <summary>A control's items (or every control's), oldest first.</summary>
    public Task<IReadOnlyList<EvidenceItem>> ListAsync(string? control = null) =>
        control is null ? QueryAsync("") : QueryAsync("WHERE control = @control", ("@control", control));

    /// <summary>When the latest item of each kind happened, for one control.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LatestAsync(string control)
    {
        await using var command = scope.Command("SELECT kind, MAX(happened_at) FROM evidence WHERE control = @control GROUP BY kind", ("@control", control));
        await using var reader = await command.ExecuteReaderAsync();
        var latest = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync()) latest[reader.GetString(0)] = reader.GetString(1).ToInstant();
        return latest;
    }

    /// <summary>Which references of these are already kept, so a collection pass adds only what is new.</summary>
    public async Task<IReadOnlySet<string>> ReferencesAsync(string control)
    {
        await using var command = scope.Command("SELECT reference FROM evidence WHERE control = @control", ("@control", control));
        await using var reader = await command.ExecuteReaderAsync();
        var references = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) references.Add(reader.GetString(0));
        return references;
    }

    private async Task<IReadOnlyList<EvidenceItem>> QueryAsync(string where, params (string, object?)[] parameters)
    {
        await using var command = scope.Command($"SELECT {Columns} FROM evidence {where} ORDER BY seq", parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<EvidenceItem>();
        while (await reader.ReadAsync()) items.Add(Read(reader));
        return items;
    }

    private static EvidenceItem Read(DbDataReader reader) => new(
        Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2),
        Enum.Parse<EvidenceSource>(reader.GetString(3)), reader.GetString(4), reader.GetString(5), reader.GetString(6),
        reader.GetString(7).ToInstant(), reader.GetString(8).ToInstant(), reader.GetString(9));
}
