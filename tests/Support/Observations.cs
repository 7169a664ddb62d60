using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

/// <summary>Posts KPI observations to the bot's intake endpoint as a pipeline would.</summary>
public static class Observations
{
    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient http, object body, string token = BotFactory.MetricsToken) =>
        SendAsync(http, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"), token);

    public static Task<HttpResponseMessage> PostCsvAsync(HttpClient http, string csv, string token = BotFactory.MetricsToken) =>
        SendAsync(http, new StringContent(csv, Encoding.UTF8, "text/csv"), token);

    /// <summary>Posts and insists it was stored; answers the receipt.</summary>
    public static async Task<JsonObject> StoreAsync(HttpClient http, params object[] rows)
    {
        var response = await PostJsonAsync(http, new { observations = rows });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpContent content, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/metrics/observations") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}
