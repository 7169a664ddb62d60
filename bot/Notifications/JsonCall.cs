using System.Net;
using System.Text.Json.Nodes;

namespace ExecOps.Bot.Notifications;

/// <summary>What a JSON API answered: its status, its body (null when empty or not JSON) and its Retry-After.</summary>
public sealed record JsonAnswer(HttpStatusCode Status, JsonNode? Body, TimeSpan? RetryAfter)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>The failure the outbox acts on: for good when sending it again would be refused again, else retried.</summary>
    public DeliveryFailedException Failure(string platform, string what) =>
        new($"{platform}: {(int)Status} {what}", DeliveryFailedException.IsPermanentStatus((int)Status), RetryAfter);
}

/// <summary>One call of a tracker's or status page's JSON API from an outbox port: an unreachable API or one that does not answer in time is retried.</summary>
public static class JsonCall
{
    public static async Task<JsonAnswer> SendAsync(HttpClient http, HttpRequestMessage request, string platform, CancellationToken cancel)
    {
        try
        {
            using var response = await http.SendAsync(request, cancel);
            var text = await response.Content.ReadAsStringAsync(cancel);
            JsonNode? body;
            try { body = text.Length == 0 ? null : JsonNode.Parse(text); }
            catch (System.Text.Json.JsonException) { body = null; }
            return new JsonAnswer(response.StatusCode, body, response.Headers.RetryAfter?.Delta);
        }
        catch (HttpRequestException e)
        {
            throw new DeliveryFailedException($"{platform}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new DeliveryFailedException($"{platform}: no answer in time");
        }
    }
}
