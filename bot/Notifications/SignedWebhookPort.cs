using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExecOps.Workflows.Notifications;

namespace ExecOps.Bot.Notifications;

/// <summary>
/// Sends what the domain addresses to a named webhook (tickets, rollback) as JSON, through the outbox
/// like any message. Each call is signed: `X-ExecOps-Signature: v1=` hex HMAC-SHA256 of
/// `{timestamp}.{body}` with the webhook's secret, the timestamp in `X-ExecOps-Timestamp`;
/// `Idempotency-Key` is the same on every retry.
/// </summary>
public sealed class SignedWebhookPort(string name, Uri url, string secret, HttpClient http, TimeProvider clock) : IPlatformPort
{
    public string Platform => "webhook:" + name;

    public bool Accepts(Recipient to) => to == Recipient.Webhook(name);

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancel)
    {
        var body = JsonSerializer.Serialize(new { id = delivery.MessageId, summary = delivery.Text, title = delivery.Card?.Title });
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-ExecOps-Timestamp", timestamp);
        request.Headers.Add("X-ExecOps-Signature", "v1=" + signature);
        request.Headers.Add("Idempotency-Key", delivery.MessageId);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancel);
        }
        catch (HttpRequestException e)
        {
            throw new DeliveryFailedException($"{Platform}: {e.Message}");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            throw new DeliveryFailedException($"{Platform}: the webhook answered {(int)response.StatusCode}", DeliveryFailedException.IsPermanentStatus((int)response.StatusCode), response.Headers.RetryAfter?.Delta);
        }
    }
}
