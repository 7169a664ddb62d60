using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Notifications;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ExecOps.Bot.Teams.Connector;

/// <summary>
/// The bot's own token for calls to the Bot Connector: the client-credentials grant with Teams:AppId
/// and Teams:AppPassword at Teams:TokenEndpoint (at the same host's Teams:TenantId for a single-tenant
/// registration), for Teams:ConnectorScope. MSAL does the request; this class decides when, so that
/// expiry follows the injected clock: a token is reused until five minutes before it runs out, and
/// then one caller renews it while the others wait for that renewal.
/// </summary>
public sealed class ConnectorTokens(IOptions<TeamsSettings> settings, TimeProvider clock, IHttpClientFactory http, ILogger<ConnectorTokens> logger)
{
    /// <summary>The named HttpClient the token requests go through.</summary>
    public const string HttpClientName = "Teams.ConnectorTokens";

    private const string TokenPath = "/oauth2/v2.0/token";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim renewal = new(1, 1);
    private volatile Token? current;
    private IConfidentialClientApplication? application;

    private sealed record Token(string Value, DateTimeOffset RenewAt);

    public async Task<string> GetAsync(CancellationToken cancel = default)
    {
        if (Fresh() is { } token) return token;
        await renewal.WaitAsync(cancel);
        try
        {
            // Whoever held the renewal before us has most likely just renewed it.
            if (Fresh() is { } renewed) return renewed;
            current = await AcquireAsync(cancel);
            return current.Value;
        }
        finally
        {
            renewal.Release();
        }
    }

    private string? Fresh() => current is { } token && clock.GetUtcNow() < token.RenewAt ? token.Value : null;

    private async Task<Token> AcquireAsync(CancellationToken cancel)
    {
        var teams = settings.Value;
        var app = application ??= Build(teams);
        AuthenticationResult result;
        try
        {
            // MSAL keeps its own cache on the machine's clock; ours decided that a new token is due, so skip MSAL's.
            result = await app.AcquireTokenForClient([teams.ConnectorScope]).WithForceRefresh(true).ExecuteAsync(cancel);
        }
        catch (MsalServiceException e)
        {
            throw Refused(e, app.Authority);
        }
        catch (HttpRequestException e)
        {
            // MSAL lets network failures (refused connection, TLS, DNS) through as they are.
            throw new ConnectorException($"Could not reach the token endpoint {app.Authority}: {e.Message}", null, permanent: false, inner: e);
        }
        catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new ConnectorException($"The token endpoint {app.Authority} did not answer in time.", null, permanent: false, inner: e);
        }
        catch (MsalClientException e)
        {
            throw new ConnectorException($"No token for the Bot Connector from {app.Authority}: {e.ErrorCode}: {e.Message}", null, permanent: false, inner: e);
        }

        // MSAL stamps ExpiresOn from the machine's clock; carry the remaining lifetime over to ours.
        var lifetime = result.ExpiresOn - TimeProvider.System.GetUtcNow();
        logger.LogInformation("Got a Bot Connector token from {Authority}, valid for {Lifetime}.", app.Authority, lifetime);
        return new Token(result.AccessToken, clock.GetUtcNow() + lifetime - RenewBefore);
    }

    private IConfidentialClientApplication Build(TeamsSettings teams)
    {
        if (string.IsNullOrWhiteSpace(teams.AppId) || string.IsNullOrWhiteSpace(teams.AppPassword))
            throw new ConnectorException(
                "Cannot call Teams: set Teams:AppId to the bot registration's app id and Teams:AppPassword " +
                "(environment variable Teams__AppPassword) to its client secret.", null, permanent: true);

        return ConfidentialClientApplicationBuilder.Create(teams.AppId)
            .WithClientSecret(teams.AppPassword)
            .WithAuthority(Authority(teams), validateAuthority: false)
            // The authority is configured, not looked up: no discovery call to login.microsoftonline.com.
            .WithInstanceDiscovery(false)
            // Retrying is the caller's business (the outbox retries passing failures), not a hidden wait here.
            .WithHttpClientFactory(new MsalHttpClients(http), retryOnceOn5xx: false)
            .Build();
    }

    /// <summary>
    /// MSAL takes an authority and adds the token path itself, so Teams:TokenEndpoint has to end in that
    /// path. A tenant id swaps the tenant segment and keeps the host, which keeps sovereign clouds working.
    /// </summary>
    private static Uri Authority(TeamsSettings teams)
    {
        var endpoint = teams.TokenEndpoint;
        // MSAL takes nothing but https, so a wrong scheme is told here in the setting's name rather than as MSAL's ArgumentException.
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps
            || !url.AbsolutePath.EndsWith(TokenPath, StringComparison.OrdinalIgnoreCase))
            throw new ConnectorException(
                $"Teams:TokenEndpoint '{endpoint}' is not an Entra token endpoint of the form https://host/{{tenant}}{TokenPath}.", null, permanent: true);
        var authority = string.IsNullOrWhiteSpace(teams.TenantId)
            ? url.AbsolutePath[..^TokenPath.Length]
            : "/" + Uri.EscapeDataString(teams.TenantId.Trim());
        return new Uri(url, authority);
    }

    private static ConnectorException Refused(MsalServiceException e, string authority)
    {
        // 400 and 401 are Entra saying no to this app: wrong id or secret, an expired secret, an app
        // unknown in the tenant, or a scope it cannot have. The same request will be refused again.
        if (e.StatusCode is 400 or 401)
        {
            var fix = e.ErrorCode == "invalid_scope"
                ? "check Teams:ConnectorScope"
                : "check Teams:AppId and Teams:AppPassword (and Teams:TenantId for a single-tenant bot); the secret may have expired";
            return new ConnectorException($"The token endpoint {authority} refused the bot's credentials ({e.ErrorCode}{Description(e)}): {fix}.", e.StatusCode, permanent: true, inner: e);
        }

        var status = e.StatusCode == 0 ? (int?)null : e.StatusCode;
        var permanent = status is { } code && DeliveryFailedException.IsPermanentStatus(code);
        return new ConnectorException($"No token for the Bot Connector from {authority}: {(status is null ? "unreachable" : $"HTTP {status}")} ({e.ErrorCode}).",
            status, permanent, e.Headers?.RetryAfter?.Delta, e);
    }

    // Entra's first line names the exact cause (AADSTS7000215 wrong secret, 7000222 expired, 700016 unknown app);
    // the lines after it are trace ids.
    private static string Description(MsalServiceException e)
    {
        try
        {
            var description = JsonNode.Parse(e.ResponseBody ?? "")?["error_description"]?.GetValue<string>();
            return string.IsNullOrWhiteSpace(description) ? "" : ", " + description.Split('\n')[0].Trim();
        }
        catch (Exception parse) when (parse is JsonException or InvalidOperationException)
        {
            return "";
        }
    }
}
