using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ExecOps.Tests.Support;

/// <summary>One call the fake webhook received: its body and the headers that sign it.</summary>
public sealed record WebhookCall(string Body, string Timestamp, string Signature, string IdempotencyKey)
{
    /// <summary>What the receiver checks: v1= hex HMAC-SHA256 of "{timestamp}.{body}" with the shared secret.</summary>
    public bool IsSignedWith(string secret) =>
        Signature == "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{Timestamp}.{Body}")));
}

/// <summary>A ticketing or deployment system's webhook on loopback, recording every call the bot makes to it.</summary>
public sealed class FakeWebhook : IAsyncDisposable
{
    private readonly List<WebhookCall> calls = [];
    private WebApplication app = null!;

    public string Url { get; private set; } = "";

    public IReadOnlyList<WebhookCall> Calls { get { lock (calls) return calls.ToList(); } }

    public static async Task<FakeWebhook> StartAsync()
    {
        var webhook = new FakeWebhook();
        webhook.app = LoopbackHost.Create();
        webhook.app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var call = new WebhookCall(await reader.ReadToEndAsync(), request.Headers["X-ExecOps-Timestamp"].ToString(),
                request.Headers["X-ExecOps-Signature"].ToString(), request.Headers["Idempotency-Key"].ToString());
            lock (webhook.calls) webhook.calls.Add(call);
            return Results.Ok();
        });
        webhook.Url = (await LoopbackHost.StartAsync(webhook.app))[0] + "/hook";
        return webhook;
    }

    public Task<IReadOnlyList<WebhookCall>> WaitForAsync(string what) =>
        Eventually.Until(() => Task.FromResult(Calls), c => c.Count > 0, what);

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
