using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

/// <summary>Posts a change's delivery events as a pipeline would, with the test token.</summary>
public static class ChangeEvents
{
    public static async Task<(System.Net.HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient http, string id, string json, string token = BotFactory.ChangeEventsToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/changes/{id}/events") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
