using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ExecOps.Tests.Support;

/// <summary>
/// The Bot Framework's token issuer, played on loopback inside the test process: it serves OpenID metadata and a
/// JWKS shaped like login.botframework.com's, and mints RS256 tokens like the ones the Bot Connector sends.
/// </summary>
public sealed class TestOpenIdIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private const string MetadataPath = "/v1/.well-known/openidconfiguration";
    private const string KeysPath = "/v1/.well-known/keys";

    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly List<SigningKey> published = [SigningKey.Create()];
    private readonly SigningKey unpublished = SigningKey.Create();
    private readonly SigningKey webChatOnly = SigningKey.Create("webchat");
    private SigningKey current;
    private int metadataRequests;
    private string root = "";

    private TestOpenIdIssuer()
    {
        current = published[0];
        published.Add(webChatOnly);
        app = LoopbackHost.Create();
        app.MapGet(MetadataPath, ServeMetadataAsync);
        app.MapGet(KeysPath, ServeKeysAsync);
    }

    public static async Task<TestOpenIdIssuer> StartAsync()
    {
        var issuer = new TestOpenIdIssuer();
        issuer.root = (await LoopbackHost.StartAsync(issuer.app)).Single();
        return issuer;
    }

    /// <summary>Set Teams:OpenIdMetadataUrl to this.</summary>
    public string MetadataUrl => root + MetadataPath;

    /// <summary>How often the metadata document was fetched; each fetch of it is followed by one of the keys.</summary>
    public int MetadataRequests => Volatile.Read(ref metadataRequests);

    /// <summary>An RS256 token signed by the current key, valid for <paramref name="lifetime"/> (an hour, as real ones) from <paramref name="now"/>.</summary>
    public string Mint(string audience, string serviceUrl, DateTimeOffset now, TimeSpan? lifetime = null, string? issuer = null,
        IDictionary<string, object>? extraClaims = null, bool includeServiceUrl = true)
    {
        SigningCredentials credentials;
        lock (gate) credentials = current.Credentials;
        return Create(credentials, audience, serviceUrl, now, lifetime, issuer, extraClaims, includeServiceUrl);
    }

    /// <summary>A token whose kid names a key this issuer never publishes.</summary>
    public string MintWithUnknownKey(string audience, string serviceUrl, DateTimeOffset now) =>
        Create(unpublished.Credentials, audience, serviceUrl, now);

    /// <summary>A token signed by a published key that is endorsed only for the webchat channel.</summary>
    public string MintWithKeyForAnotherChannel(string audience, string serviceUrl, DateTimeOffset now) =>
        Create(webChatOnly.Credentials, audience, serviceUrl, now);

    /// <summary>A token with <c>alg: none</c> and an empty signature.</summary>
    public string MintUnsigned(string audience, string serviceUrl, DateTimeOffset now) =>
        Create(credentials: null, audience, serviceUrl, now);

    /// <summary>Publishes a new key beside the old ones and signs with it from now on.</summary>
    public void RotateKey()
    {
        var next = SigningKey.Create();
        lock (gate)
        {
            published.Add(next);
            current = next;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        lock (gate)
        {
            foreach (var key in published) key.Rsa.Dispose();
        }
        unpublished.Rsa.Dispose();
    }

    private static string Create(SigningCredentials? credentials, string audience, string serviceUrl, DateTimeOffset now,
        TimeSpan? lifetime = null, string? issuer = null, IDictionary<string, object>? extraClaims = null, bool includeServiceUrl = true)
    {
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (includeServiceUrl) claims["serviceurl"] = serviceUrl;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        };
        // Real Connector tokens carry nbf and exp but no iat; nothing here may come from the wall clock.
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private Task ServeMetadataAsync(HttpContext context)
    {
        Interlocked.Increment(ref metadataRequests);
        var metadata = new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = root + KeysPath,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        return WriteJsonAsync(context, metadata);
    }

    private Task ServeKeysAsync(HttpContext context)
    {
        JsonArray keys;
        lock (gate) keys = new JsonArray([.. published.Select(key => key.Jwk())]);
        return WriteJsonAsync(context, new JsonObject { ["keys"] = keys });
    }

    private static Task WriteJsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private sealed record SigningKey(string Kid, RSA Rsa, string Channel)
    {
        public static SigningKey Create(string channel = "msteams") => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(20)), RSA.Create(2048), channel);

        public SigningCredentials Credentials => new(new RsaSecurityKey(Rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSha256);

        public JsonObject Jwk()
        {
            var parameters = Rsa.ExportParameters(includePrivateParameters: false);
            return new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = Kid,
                ["n"] = Base64Url.EncodeToString(parameters.Modulus),
                ["e"] = Base64Url.EncodeToString(parameters.Exponent),
                // The real JWKS lists which channels may use each key.
                ["endorsements"] = new JsonArray(Channel),
            };
        }
    }
}
