using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ExecOps.Bot.Teams.Auth;

/// <summary>
/// The Bot Framework's token signing keys, read from the JWKS its OpenID metadata points to and kept for a day.
/// When a token names a key we do not hold, <see cref="RefreshAsync"/> fetches them again at once and waits for the
/// answer, so the first token signed after a key rotation is already accepted.
/// </summary>
/// <remarks>
/// Not IdentityModel's ConfigurationManager: in 8.x its RequestRefresh only starts a background fetch, and the
/// GetConfigurationAsync right after it still hands out the old keys, so "refresh, then validate once more" would
/// refuse the very token that revealed the rotation.
/// </remarks>
internal sealed class SigningKeyCache(string metadataUrl, IDocumentRetriever documents, TimeProvider clock, ILogger logger)
{
    /// <summary>
    /// Forced refetches are at least this far apart, so a stream of tokens naming made-up keys cannot turn into a
    /// stream of requests to the metadata endpoint; a failed scheduled refresh is retried after it too. Short enough
    /// that a genuine rotation the moment after a refetch costs at most a minute of refusals.
    /// </summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(1);

    // The key list changes rarely (Microsoft's SDK keeps it five days); a day bounds how long a withdrawn key is trusted.
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Snapshot? snapshot;
    private DateTimeOffset? lastForcedRefresh;

    private sealed record Snapshot(ICollection<SecurityKey> Keys, IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements, DateTimeOffset RefreshDueAt);

    /// <summary>
    /// The channels the key <paramref name="kid"/> is endorsed for, as the JWKS lists them (`endorsements`);
    /// null when the key lists none.
    /// </summary>
    public IReadOnlySet<string>? EndorsementsOf(string? kid) =>
        kid is not null && snapshot?.Endorsements.TryGetValue(kid, out var channels) == true ? channels : null;

    /// <summary>The cached keys, fetched first if there are none yet or they are due.</summary>
    /// <exception cref="Exception">Whatever the fetch threw, when no keys were ever fetched.</exception>
    public async Task<ICollection<SecurityKey>> GetAsync(CancellationToken cancel)
    {
        if (snapshot is { } fresh && clock.GetUtcNow() < fresh.RefreshDueAt) return fresh.Keys;

        await gate.WaitAsync(cancel);
        try
        {
            // Another request may have fetched while this one waited for the gate.
            if (snapshot is { } fetched && clock.GetUtcNow() < fetched.RefreshDueAt) return fetched.Keys;
            return (await FetchAsync(cancel)).Keys;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Fetches the keys again because <paramref name="stale"/> lacked the one a token names. Gives back newer keys
    /// if another request already fetched them, and <paramref name="stale"/> itself while the last forced refresh
    /// is younger than <see cref="MinimumRefreshInterval"/> or the fetch fails.
    /// </summary>
    public async Task<ICollection<SecurityKey>> RefreshAsync(ICollection<SecurityKey> stale, CancellationToken cancel)
    {
        await gate.WaitAsync(cancel);
        try
        {
            if (snapshot is { } current && !ReferenceEquals(current.Keys, stale)) return current.Keys;

            var now = clock.GetUtcNow();
            if (now - lastForcedRefresh < MinimumRefreshInterval) return stale;
            lastForcedRefresh = now;
            return (await FetchAsync(cancel)).Keys;
        }
        finally
        {
            gate.Release();
        }
    }

    private static Dictionary<string, IReadOnlySet<string>> Endorsements(OpenIdConnectConfiguration metadata)
    {
        var endorsed = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var key in metadata.JsonWebKeySet?.Keys ?? [])
            if (key.Kid is { } kid && key.AdditionalData.TryGetValue("endorsements", out var listed))
                endorsed[kid] = Channels(listed);
        return endorsed;
    }

    /// <summary>IdentityModel hands an array it has no property for back as a list, or as a JsonElement in some versions.</summary>
    private static HashSet<string> Channels(object? listed) => listed switch
    {
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array =>
            [.. array.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!)],
        System.Collections.IEnumerable items and not string => [.. items.Cast<object?>().Select(i => i?.ToString()).OfType<string>()],
        _ => [],
    };

    // Callers hold the gate, so at most one fetch is in flight.
    private async Task<Snapshot> FetchAsync(CancellationToken cancel)
    {
        try
        {
            var metadata = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, documents, cancel);
            logger.LogInformation("Fetched {Count} Bot Framework signing keys from {MetadataUrl}", metadata.SigningKeys.Count, metadataUrl);
            return snapshot = new Snapshot(metadata.SigningKeys, Endorsements(metadata), clock.GetUtcNow() + KeepFor);
        }
        catch (Exception ex) when (snapshot is { } previous && ex is not OperationCanceledException)
        {
            // Keys a day old are far better than refusing every request while the metadata endpoint is down.
            logger.LogWarning(ex, "Could not refresh the Bot Framework signing keys from {MetadataUrl}; keeping the ones fetched before", metadataUrl);
            return snapshot = previous with { RefreshDueAt = clock.GetUtcNow() + MinimumRefreshInterval };
        }
    }
}
