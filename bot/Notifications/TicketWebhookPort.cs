using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExecOps.Bot.Settings;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.Tasks;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Notifications;

/// <summary>
/// Sends follow-up tasks to a ticketing system as JSON, through the outbox like any message. Each call
/// is signed: `X-ExecOps-Signature: v1=` hex HMAC-SHA256 of `{timestamp}.{body}` with Tickets:Secret,
/// the timestamp in `X-ExecOps-Timestamp`; `Idempotency-Key` is the same on every retry.
/// </summary>
public sealed class TicketWebhookPort(HttpClient http, IOptions<TicketSettings> settings, TimeProvider clock) : IPlatformPort
{
    public string Platform => "tickets";

    public bool Accepts(Recipient to) => to == FollowUps.Tickets;

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancel)
    {
        var body = JsonSerializer.Serialize(new { id = delivery.MessageId, summary = delivery.Text, title = delivery.Card?.Title });
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.Value.Secret!), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Value.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
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
            throw new DeliveryFailedException($"tickets: {e.Message}");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var permanent = (int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests;
            throw new DeliveryFailedException($"tickets: the webhook answered {(int)response.StatusCode}", permanent, response.Headers.RetryAfter?.Delta);
        }
    }
}
