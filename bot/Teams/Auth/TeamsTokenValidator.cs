using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace ExecOps.Bot.Teams.Auth;

/// <summary>
/// Checks the bearer token on an activity the Bot Connector posts to us: Bearer scheme, RS256 signature by a key
/// the Bot Framework publishes (chosen by kid), issuer, audience = our app id, nbf/exp with five minutes of skew,
/// and a serviceurl claim equal to the activity's serviceUrl, so a forged activity cannot point our replies, and
/// the credentials they carry, at another host. Never throws for a bad token: it answers with a refusal.
/// </summary>
public sealed class TeamsTokenValidator
{
    private const string Scheme = "Bearer ";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TeamsSettings settings;
    private readonly TimeProvider clock;
    private readonly ILogger<TeamsTokenValidator> logger;
    private readonly SigningKeyCache keys;
    private readonly JsonWebTokenHandler handler = new();

    public TeamsTokenValidator(IOptions<TeamsSettings> settings, TimeProvider clock, ILogger<TeamsTokenValidator> logger, HttpClient? metadataHttp = null)
    {
        this.settings = settings.Value;
        this.clock = clock;
        this.logger = logger;

        var metadataUrl = this.settings.OpenIdMetadataUrl;
        var metadata = new Uri(metadataUrl, UriKind.Absolute);
        // Keys fetched in the clear could be swapped on the way; only an issuer on this machine (tests) may skip TLS.
        if (metadata.Scheme != Uri.UriSchemeHttps && !metadata.IsLoopback)
            throw new InvalidOperationException($"Teams:OpenIdMetadataUrl must use https (plain http only on loopback): {metadataUrl}");
        var documents = new HttpDocumentRetriever(metadataHttp ?? new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            RequireHttps = !metadata.IsLoopback, // also holds the jwks_uri the metadata names to https
        };
        keys = new SigningKeyCache(metadataUrl, documents, clock, logger);
    }

    /// <param name="authorizationHeader">The raw Authorization header value, if any.</param>
    /// <param name="serviceUrl">The serviceUrl at the root of the activity, if any.</param>
    /// <param name="checkServiceUrl">False only for an activity refused anyway, which nothing answers.</param>
    /// <param name="channelId">The activity's channelId: the key that signed the token must be endorsed for it.</param>
    /// <remarks>Refusals are not logged here: the caller logs them with the request they belong to.</remarks>
    public async Task<TokenCheck> ValidateAsync(string? authorizationHeader, string? serviceUrl, CancellationToken cancel = default, bool checkServiceUrl = true, string? channelId = null)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader)) return TokenCheck.Refused("the request has no Authorization header");
        if (!authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return TokenCheck.Refused("the Authorization header is not a Bearer token");
        if (string.IsNullOrWhiteSpace(settings.AppId))
            return TokenCheck.Refused("this bot has no Teams app id configured, so no token can be addressed to it");

        var token = authorizationHeader[Scheme.Length..].Trim();
        if (Read(token) is not { } unverified) return TokenCheck.Refused("the bearer token is not a well-formed JWT");
        // Refused here because the handler would call an unsigned token a signature mismatch.
        if (unverified.Alg is null or "none" || string.IsNullOrEmpty(unverified.EncodedSignature))
            return TokenCheck.Refused("the token is not signed");
        if (!unverified.TryGetClaim(JwtRegisteredClaimNames.Nbf, out _)) return TokenCheck.Refused("the token has no not-before time (nbf)");

        ICollection<SecurityKey> signingKeys;
        try
        {
            signingKeys = await keys.GetAsync(cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not fetch the Bot Framework signing keys from {MetadataUrl}", settings.OpenIdMetadataUrl);
            return TokenCheck.Refused($"signing keys could not be fetched: {ex.GetBaseException().Message}");
        }

        var result = await handler.ValidateTokenAsync(token, Parameters(signingKeys));
        // The handler reports an expired or foreign-issuer token as such even when its key is missing too, so only a
        // current token naming a key we lack gets here: a rotation we have not seen yet, or a forgery (rate-limited).
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            result = await handler.ValidateTokenAsync(token, Parameters(await keys.RefreshAsync(signingKeys, cancel)));
        if (!result.IsValid) return TokenCheck.Refused(Describe(result.Exception));

        var validated = (JsonWebToken)result.SecurityToken;
        return (checkServiceUrl ? CheckServiceUrl(validated, serviceUrl) : null) ?? CheckEndorsement(validated, channelId) ?? TokenCheck.Accepted(result.ClaimsIdentity);
    }

    private JsonWebToken? Read(string token)
    {
        if (!handler.CanReadToken(token)) return null;
        try
        {
            return handler.ReadJsonWebToken(token);
        }
        // A header or payload that is not Base64url JSON surfaces as ArgumentException (IDX14102) as well as the malformed-token type.
        catch (Exception e) when (e is SecurityTokenException or ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private TokenValidationParameters Parameters(ICollection<SecurityKey> signingKeys) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.AppId,
        IssuerSigningKeys = signingKeys,
        TryAllIssuerSigningKeys = false, // the kid picks the key; a kid we lack must surface as "key not found"
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        LifetimeValidator = CheckLifetime,
    };

    // IdentityModel 8.16 keeps TokenValidationParameters.TimeProvider internal and its own lifetime check reads the
    // wall clock, so the window is checked here against the injected clock. Throwing the library's exception types
    // keeps "expired" and "not valid yet" apart, where returning false would only say "invalid lifetime".
    private bool CheckLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is not { } exp) throw new SecurityTokenNoExpirationException("The token has no exp.");
        if (notBefore > exp) throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.") { NotBefore = notBefore, Expires = exp };
        if (notBefore > now + ClockSkew) throw new SecurityTokenNotYetValidException("The token's nbf is ahead of the clock.") { NotBefore = notBefore.Value };
        if (exp < now - ClockSkew) throw new SecurityTokenExpiredException("The token's exp has passed.") { Expires = exp };
        return true;
    }

    private string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "the token has expired (beyond the 5 minutes of clock skew allowed)",
        SecurityTokenNotYetValidException => "the token is not valid yet (its not-before time is more than 5 minutes ahead)",
        SecurityTokenNoExpirationException => "the token has no expiry time (exp)",
        SecurityTokenInvalidLifetimeException => "the token's lifetime is invalid (it expires before it becomes valid)",
        SecurityTokenInvalidIssuerException => $"the token issuer is not {settings.Issuer}",
        SecurityTokenInvalidAudienceException => "the token audience is not this bot's app id",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed by a key the Bot Framework does not publish",
        SecurityTokenInvalidAlgorithmException => "the token is not signed with RS256",
        SecurityTokenInvalidSignatureException => "the token signature does not match its content",
        _ => "the token could not be validated; send a token the Bot Framework issued for this bot",
    };

    /// <summary>
    /// The Bot Framework SDK's endorsement rule: a key lists the channels it may sign for, and an activity
    /// from a channel its key does not list is refused, so a key meant for one channel cannot vouch for another.
    /// </summary>
    private TokenCheck? CheckEndorsement(JsonWebToken token, string? channelId)
    {
        if (string.IsNullOrEmpty(channelId) || keys.EndorsementsOf(token.Kid) is not { } channels) return null;
        return channels.Contains(channelId) ? null : TokenCheck.Refused($"the key that signed the token is not endorsed for the {channelId} channel");
    }

    private static TokenCheck? CheckServiceUrl(JsonWebToken token, string? activityServiceUrl)
    {
        // Real tokens spell the claim in lower case; the camel-case spelling of the activity field is accepted too.
        if (!token.TryGetPayloadValue<string>("serviceurl", out var claimed) && !token.TryGetPayloadValue("serviceUrl", out claimed))
            return TokenCheck.Refused("the token has no serviceurl claim");
        if (string.IsNullOrEmpty(activityServiceUrl))
            return TokenCheck.Refused("the activity has no serviceUrl to compare with the token's serviceurl claim");
        // Whole-string and case-insensitive, as the Bot Framework SDK compares; no trailing-slash leniency, because
        // the Connector writes the same string into both and anything else is not what it sent.
        return string.Equals(claimed, activityServiceUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : TokenCheck.Refused("the token's serviceurl claim does not match the activity's serviceUrl");
    }
}
