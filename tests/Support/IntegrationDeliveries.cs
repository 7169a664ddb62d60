using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

/// <summary>Posts what Alertmanager, GitHub and PagerDuty send, byte for byte, with their own authentication headers.</summary>
public static class IntegrationDeliveries
{
    public const string AlertmanagerToken = "test-alertmanager-token";
    public const string GitHubSecret = "test-github-secret";
    public const string PagerDutySecret = "test-pagerduty-secret";

    /// <summary>The settings the integration tests share: payments is where the samples' alerts, repositories and PagerDuty services land.</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Integrations:Alertmanager:Token"] = AlertmanagerToken,
            ["Integrations:Alertmanager:Declare:0:Match:severity"] = "critical",
            ["Integrations:Alertmanager:Declare:0:Sev"] = "1",
            ["Integrations:GitHub:Secret"] = GitHubSecret,
            ["Integrations:GitHub:Repositories:Codertocat/Hello-World"] = "payments",
            ["Integrations:GitHub:Repositories:octo-org/octo-repo"] = "payments",
            ["Integrations:GitHub:Workflows:0"] = ".github/workflows/test.yml",
            ["Integrations:PagerDuty:Secret"] = PagerDutySecret,
            ["Integrations:PagerDuty:Services:PA2P440"] = "payments",
            ["Integrations:PagerDuty:Services:API Service"] = "payments",
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return settings;
    }

    public static string Hmac(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static Task<HttpResponseMessage> AlertmanagerAsync(HttpClient http, string body, string? token = AlertmanagerToken)
    {
        var request = Json("/api/integrations/alertmanager", body);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GitHubAsync(HttpClient http, string @event, string delivery, string body, string? signature = null)
    {
        var request = Json("/api/integrations/github", body);
        request.Headers.Add("X-GitHub-Event", @event);
        request.Headers.Add("X-GitHub-Delivery", delivery);
        request.Headers.Add("X-Hub-Signature-256", signature ?? $"sha256={Hmac(GitHubSecret, body)}");
        return http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PagerDutyAsync(HttpClient http, string body, string? signature = null)
    {
        var request = Json("/api/integrations/pagerduty", body);
        request.Headers.TryAddWithoutValidation("X-PagerDuty-Signature", signature ?? $"v1={Hmac(PagerDutySecret, body)}");
        return http.SendAsync(request);
    }

    public static async Task<JsonObject> BodyAsync(this HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>A sample with one field set, the rest as the provider sent it.</summary>
    public static string With(string sample, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(sample)!.AsObject();
        change(json);
        return json.ToJsonString();
    }

    private static HttpRequestMessage Json(string path, string body) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
