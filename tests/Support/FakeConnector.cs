using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Teams.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Support;

/// <summary>
/// The Bot Connector (at <see cref="ServiceUrl"/>, plain HTTP) and an Entra token endpoint (at
/// <see cref="TokenEndpoint"/>, HTTPS with a certificate made for this run), served by Kestrel on loopback
/// inside the test process. HTTPS because MSAL refuses any other authority; the bot's token client
/// trusts the certificate only after <see cref="AddTrust"/>. Connector calls need a token it issued.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private const string Region = "/amer";

    private readonly WebApplication app;
    private readonly X509Certificate2 certificate = SelfSigned();
    private readonly object gate = new();
    private readonly List<FakeConnectorCall> calls = [];
    private readonly Queue<(int Status, TimeSpan? RetryAfter)> failures = new();
    private readonly Dictionary<(string Conversation, string User), JsonObject> members = [];
    private readonly HashSet<string> issued = [];
    private int tokenRequests, activities, conversations;
    private bool rejectCredentials;
    private FakeConnectorCall? lastTokenRequest;
    private string httpRoot = "", httpsRoot = "";

    private FakeConnector()
    {
        app = LoopbackHost.Create(certificate);

        app.MapPost("/{tenant}/oauth2/v2.0/token", TokenAsync);
        Map("POST", "/v3/conversations", _ => (201, new() { ["id"] = $"a:personal-{Interlocked.Increment(ref conversations)}" }));
        Map("POST", "/v3/conversations/{conversationId}/activities", _ => (201, NewActivity()));
        Map("POST", "/v3/conversations/{conversationId}/activities/{activityId}", _ => (201, NewActivity()));
        Map("PUT", "/v3/conversations/{conversationId}/activities/{activityId}", route => (200, new() { ["id"] = route("activityId") }));
        Map("GET", "/v3/conversations/{conversationId}/members/{memberId}", Member);
        app.MapFallback(context => AnswerAsync(context, _ => (404, Error(404, "No such endpoint on the fake Connector."))));
    }

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        var addresses = await LoopbackHost.StartAsync(connector.app);
        connector.httpRoot = addresses.Single(a => a.StartsWith("http:", StringComparison.Ordinal));
        connector.httpsRoot = addresses.Single(a => a.StartsWith("https:", StringComparison.Ordinal));
        return connector;
    }

    /// <summary>The serviceUrl of activities in tests, with its trailing slash as Teams sends it.</summary>
    public string ServiceUrl => $"{httpRoot}{Region}/";

    /// <summary>Teams:TokenEndpoint for the bot; issues "fake-token-N", valid for an hour.</summary>
    public string TokenEndpoint => $"{httpsRoot}/botframework.com/oauth2/v2.0/token";

    public int TokenRequests { get { lock (gate) return tokenRequests; } }

    /// <summary>The last token request, its form fields as the body and its tenant in the path.</summary>
    public FakeConnectorCall? LastTokenRequest { get { lock (gate) return lastTokenRequest; } }

    /// <summary>Connector calls in the order they came; token requests are not among them.</summary>
    public IReadOnlyList<FakeConnectorCall> Calls { get { lock (gate) return calls.ToArray(); } }

    /// <summary>
    /// Makes the bot's token client (<see cref="ConnectorTokens.HttpClientName"/>) trust this fake's
    /// certificate and no other; call it where the test replaces the bot's services.
    /// </summary>
    public void AddTrust(IServiceCollection services) =>
        services.AddHttpClient(ConnectorTokens.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate.RawData),
            },
        });

    /// <summary>The first Connector call that matches, waiting for it if it has not come yet.</summary>
    public async Task<FakeConnectorCall> WaitForAsync(Func<FakeConnectorCall, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Calls.FirstOrDefault(match) is { } call) return call;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The Connector saw no matching call in time. Calls seen:\n  " + (Calls.Count == 0 ? "none" : string.Join("\n  ", Calls)));
            await Task.Delay(25);
        }
    }

    /// <summary>The next Connector call fails with this status (and Retry-After in whole seconds, when given).</summary>
    public void FailNext(int status, TimeSpan? retryAfter = null)
    {
        lock (gate) failures.Enqueue((status, retryAfter));
    }

    /// <summary>While on, the token endpoint answers 401 invalid_client, as Entra does for a wrong or expired secret.</summary>
    public void RejectCredentials(bool reject)
    {
        lock (gate) rejectCredentials = reject;
    }

    public void AddMember(string conversationId, string userId, string name, string aadObjectId, string email)
    {
        lock (gate)
            members[(conversationId, userId)] = new JsonObject
            {
                ["id"] = userId, ["name"] = name, ["aadObjectId"] = aadObjectId,
                ["email"] = email, ["userPrincipalName"] = email, ["userRole"] = "user",
            };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        certificate.Dispose();
    }

    private void Map(string method, string pattern, Func<Func<string, string>, (int, JsonObject)> answer) =>
        app.MapMethods(Region + pattern, [method], context => AnswerAsync(context, answer));

    private async Task AnswerAsync(HttpContext context, Func<Func<string, string>, (int Status, JsonObject Body)> answer)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        var path = request.Path.Value ?? "";
        var call = new FakeConnectorCall(request.Method, path.StartsWith(Region + "/", StringComparison.Ordinal) ? path[Region.Length..] : path,
            await ReadJsonAsync(request), authorization.Length == 0 ? null : authorization)
        {
            RawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget,
        };

        (int Status, TimeSpan? RetryAfter)? failure;
        bool known;
        lock (gate)
        {
            calls.Add(call);
            failure = failures.TryDequeue(out var next) ? next : null;
            known = authorization.StartsWith("Bearer ", StringComparison.Ordinal) && issued.Contains(authorization["Bearer ".Length..]);
        }

        var (status, body) = failure is { } fail ? (fail.Status, Error(fail.Status, "Failing as the test asked."))
            : !known ? (401, Error(401, "Authorization has been denied for this request."))
            : answer(name => (string)context.GetRouteValue(name)!);
        if (failure?.RetryAfter is { } wait) context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(body);
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var fields = new JsonObject();
        foreach (var (key, value) in form) fields[key] = value.ToString();
        bool reject;
        lock (gate)
        {
            tokenRequests++;
            lastTokenRequest = new FakeConnectorCall("POST", context.Request.Path.Value ?? "", fields, null);
            reject = rejectCredentials;
        }

        JsonObject answer;
        if (reject)
        {
            context.Response.StatusCode = 401;
            answer = new() { ["error"] = "invalid_client", ["error_description"] = "AADSTS7000215: Invalid client secret provided." };
        }
        else if (form["grant_type"] != "client_credentials" || string.IsNullOrEmpty(form["client_id"]) || string.IsNullOrEmpty(form["client_secret"]) || string.IsNullOrEmpty(form["scope"]))
        {
            context.Response.StatusCode = 400;
            answer = new() { ["error"] = "invalid_request", ["error_description"] = "The fake takes client_credentials with client_id, client_secret and scope." };
        }
        else
        {
            string token;
            lock (gate) issued.Add(token = $"fake-token-{issued.Count + 1}");
            answer = new() { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = token };
        }
        await context.Response.WriteAsJsonAsync(answer);
    }

    private (int, JsonObject) Member(Func<string, string> route)
    {
        lock (gate)
            return members.TryGetValue((route("conversationId"), route("memberId")), out var member)
                ? (200, member.DeepClone().AsObject())
                : (404, Error(404, "The member was not found in the conversation."));
    }

    private JsonObject NewActivity() => new() { ["id"] = $"activity-{Interlocked.Increment(ref activities)}" };

    private static JsonObject Error(int status, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = ((HttpStatusCode)status).ToString(), ["message"] = message } };

    private static async Task<JsonObject?> ReadJsonAsync(HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true) return null;
        try { return await JsonNode.ParseAsync(request.Body) as JsonObject; }
        catch (JsonException) { return new JsonObject { ["_unparsed"] = true }; }
    }

    private static X509Certificate2 SelfSigned()
    {
        // An EC key, because generating an RSA one costs a noticeable part of a second per fake.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
