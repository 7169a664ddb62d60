using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ExecOps.Tests.Support;

/// <summary>
/// Slack's side of Socket Mode, inside FakeSlack: `apps.connections.open` hands out a ws:// URL on loopback, and each connection
/// that comes is greeted with the recorded hello. Tests send envelopes down a connection, see the acknowledgements that come back,
/// and close or disconnect a connection as Slack would.
/// </summary>
public sealed class FakeSocketMode
{
    private readonly ConcurrentDictionary<int, WebSocket> open = new();
    private readonly ConcurrentQueue<(int Connection, JsonObject Ack)> acks = new();
    private int connected;

    public string Root { get; set; } = "";

    /// <summary>How many connections have ever been made, and which are open now.</summary>
    public int Connected => Volatile.Read(ref connected);
    public IReadOnlyCollection<int> Open => open.Keys.Order().ToList();

    public IReadOnlyList<(int Connection, JsonObject Ack)> Acks => acks.ToList();

    /// <summary>The next connection is greeted and then never read again, so it answers no ping: a link dead without a close.</summary>
    public bool StallNext { get; set; }

    public string NextUrl => $"{Root.Replace("http://", "ws://", StringComparison.Ordinal)}/link/?ticket={Guid.NewGuid():N}&app_id=A111";

    public async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var number = Interlocked.Increment(ref connected);
        open[number] = socket;
        await SendRawAsync(socket, SharedExternal.Read("slack-socket-mode/hello.json"));
        if (StallNext)
        {
            StallNext = false;
            // A WebSocket answers pings only while someone reads it; this one waits until the test's host stops.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            open.TryRemove(number, out _);
            return;
        }
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var read = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }
                if (JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, read.Count)) is JsonObject ack) acks.Enqueue((number, ack));
            }
        }
        catch (WebSocketException) { }
        finally { open.TryRemove(number, out _); }
    }

    /// <summary>Sends a frame down one open connection (the first, unless named).</summary>
    public Task SendAsync(string frame, int? connection = null) => SendRawAsync(open[connection ?? open.Keys.Min()], frame);

    /// <summary>Drops a connection without a word, as a dead link or a killed process would.</summary>
    public void Abort(int connection)
    {
        if (open.TryRemove(connection, out var socket)) socket.Abort();
    }

    public async Task<JsonObject> WaitForAckAsync(string envelopeId) =>
        (await Eventually.Until(() => Task.FromResult(Acks.FirstOrDefault(a => (string?)a.Ack["envelope_id"] == envelopeId)), a => a.Ack is not null, $"the ack of {envelopeId}")).Ack;

    public Task WaitForOpenAsync(int count) => Eventually.Until(() => Task.FromResult(Open.Count), n => n >= count, $"{count} open Socket Mode connection(s)");

    private static Task SendRawAsync(WebSocket socket, string frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
}
