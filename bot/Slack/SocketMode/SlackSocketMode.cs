using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Bot.Api;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Slack.SocketMode;

/// <summary>
/// Slack's Socket Mode receiver (on with `Slack:AppToken`): several outbound WebSocket connections, none listening in public.
/// Each asks `apps.connections.open` for its URL with the app-level token, connects, and for every envelope hands its payload
/// to the same intake as the HTTP endpoints, then acknowledges the envelope id within Slack's three seconds, with the answer
/// where Slack takes one. A close, a `disconnect` or a dead link reconnects with backoff; the other connections carry on meanwhile.
/// </summary>
public sealed class SlackSocketMode(IOptions<SlackSettings> options, IHttpClientFactory clients, SlackIntake intake, SocketModeConnections connections, ILogger<SlackSocketMode> logger)
    : BackgroundService
{
    public const string HttpClientName = "slack-socket-mode";
    private static readonly TimeSpan ShortestBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    /// <summary>apps.connections.open errors no retry can mend: the token or the workspace must change first.</summary>
    private static readonly HashSet<string> Unrecoverable = ["invalid_auth", "not_authed", "account_inactive", "user_removed_from_team", "team_disabled"];

    protected override Task ExecuteAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(1, options.Value.SocketConnections).Select(n => KeepConnectedAsync(n, stopping)));

    private async Task KeepConnectedAsync(int number, CancellationToken stopping)
    {
        var backoff = ShortestBackoff;
        while (!stopping.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var reason = await ConnectOnceAsync(number, stopping);
                wait = Pause(number, reason, ref backoff);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketModeException e) when (e.Unrecoverable)
            {
                logger.LogError("Socket Mode connection {Number} cannot open: {Problem}. Check Slack:AppToken; retrying every {Backoff}.", number, e.Message, LongestBackoff);
                connections.Failed(e.Message);
                wait = LongestBackoff;
            }
            // Whatever breaks one connection, the loop outlives it: a receiver that stops quietly is the failure to avoid.
            catch (Exception e)
            {
                logger.LogWarning("Socket Mode connection {Number} failed: {Problem}. Retrying in {Backoff}.", number, e.Message, backoff);
                connections.Failed(e.Message);
                wait = backoff;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <returns>Slack's reason when it asked for the connection to go (a `disconnect`); null when the link closed.</returns>
    private async Task<string?> ConnectOnceAsync(int number, CancellationToken stopping)
    {
        var url = await OpenAsync(stopping);
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.Value.SocketKeepAlive;
        // No pong to our pings in this long and the link counts as dead, so it is replaced.
        socket.Options.KeepAliveTimeout = options.Value.SocketKeepAlive * 2;
        await socket.ConnectAsync(url, stopping);
        connections.Up();
        logger.LogInformation("Socket Mode connection {Number} is open.", number);
        string? reason = null;
        try { return reason = await ReceiveAsync(number, socket, stopping); }
        finally
        {
            connections.Down();
            logger.LogInformation("Socket Mode connection {Number} is closed ({Why}).", number, reason ?? "the link closed");
        }
    }

    /// <summary>
    /// How long to wait before the next connection, by why the last one ended: a refresh at once (the others carry the load
    /// meanwhile); too many connections for the app with a growing backoff, so two bots sharing a token do not storm Slack;
    /// Socket Mode turned off in the app's settings at the longest backoff, since only a person can turn it on again.
    /// </summary>
    private TimeSpan Pause(int number, string? reason, ref TimeSpan backoff)
    {
        switch (reason)
        {
            case "too_many_websockets":
                var wait = backoff;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
                logger.LogWarning("Socket Mode connection {Number}: Slack holds too many connections for this app (another bot with the same app token, or Slack:SocketConnections above what is left). Retrying in {Backoff}.", number, wait);
                connections.Failed("Slack refused the connection: too_many_websockets");
                return wait;
            case "link_disabled":
                logger.LogError("Socket Mode connection {Number}: Socket Mode is turned off in the app's settings at api.slack.com. Retrying every {Backoff}.", number, LongestBackoff);
                connections.Failed("Socket Mode is turned off in the app's settings (link_disabled)");
                backoff = ShortestBackoff;
                return LongestBackoff;
            case null:
                backoff = ShortestBackoff * 2;
                return ShortestBackoff;
            default:
                backoff = ShortestBackoff;
                return TimeSpan.Zero;
        }
    }

    /// <summary>A fresh WebSocket URL from `apps.connections.open`, whatever its scheme.</summary>
    private async Task<Uri> OpenAsync(CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.ApiBaseUrl), "apps.connections.open"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AppToken);
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancel);
        // An outage or a proxy answers with a page, not JSON: that is a refusal to retry, not a reason for the loop to die.
        var body = StrictJson.Object(await response.Content.ReadAsStringAsync(cancel));
        if (response.IsSuccessStatusCode && SlackPayload.Flag(body, "ok") && Uri.TryCreate(SlackPayload.Text(body, "url"), UriKind.Absolute, out var url))
            return url;
        var error = SlackPayload.Text(body, "error");
        throw new SocketModeException($"apps.connections.open answered {(int)response.StatusCode} {error ?? "without a url"}", error is not null && Unrecoverable.Contains(error));
    }

    /// <returns>Slack's reason when it asked for the connection to be replaced (a `disconnect`); null when the link closed.</returns>
    private async Task<string?> ReceiveAsync(int number, ClientWebSocket socket, CancellationToken stopping)
    {
        var sending = new SemaphoreSlim(1, 1);
        var handling = new List<Task>();
        while (socket.State == WebSocketState.Open)
        {
            if (await ReadFrameAsync(socket, stopping) is not { } frame) break;
            var message = SocketModeMessage.Read(frame);
            switch (message.Kind)
            {
                case SocketModeKind.Hello:
                    logger.LogInformation("Socket Mode connection {Number}: hello ({Connections} connections).", number, message.Connections);
                    break;
                case SocketModeKind.Disconnect when message.DisconnectReason == "warning":
                    // Slack's notice that a refresh_requested follows in a few seconds: the link still carries envelopes until then.
                    logger.LogInformation("Socket Mode connection {Number}: Slack warns it will ask for a refresh soon.", number);
                    break;
                case SocketModeKind.Disconnect:
                    logger.LogInformation("Socket Mode connection {Number}: Slack asks to disconnect ({Reason}).", number, message.DisconnectReason);
                    // Envelopes already received are still acknowledged before the link goes.
                    await Task.WhenAll(handling);
                    await CloseAsync(socket);
                    return message.DisconnectReason ?? "unspecified";
                default:
                    if (message.IsEnvelope) handling.Add(AcknowledgeAsync(socket, sending, message, stopping));
                    break;
            }
            handling.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(handling);
        return null;
    }

    /// <summary>Takes the envelope in, then acknowledges it: an envelope not acknowledged (the process died first) is redelivered by Slack and taken in once.</summary>
    private async Task AcknowledgeAsync(ClientWebSocket socket, SemaphoreSlim sending, SocketModeMessage envelope, CancellationToken stopping)
    {
        try
        {
            var payload = envelope.Payload ?? [];
            var result = envelope.Kind switch
            {
                SocketModeKind.SlashCommands => await CommandAsync(payload),
                SocketModeKind.EventsApi => await intake.EventAsync(payload.ToJsonString()),
                SocketModeKind.Interactive => await intake.InteractionAsync(payload.ToJsonString()),
                _ => SlackIntakeResult.Taken,
            };
            if (result.Problem is { } problem) logger.LogWarning("Socket Mode envelope {Envelope} was refused: {Problem}", envelope.EnvelopeId, problem);
            var ack = Encoding.UTF8.GetBytes(SocketModeMessage.Acknowledge(envelope.EnvelopeId!, envelope.AcceptsResponsePayload ? result.Answer : null));
            await sending.WaitAsync(stopping);
            try { await socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, stopping); }
            finally { sending.Release(); }
            connections.Acknowledged();
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogWarning("Socket Mode envelope {Envelope} was not acknowledged ({Problem}); Slack redelivers it.", envelope.EnvelopeId, e.Message);
        }
    }

    /// <summary>
    /// A redelivered command is the same envelope payload again, so its hash (where HTTP has the request's timestamp) tells it
    /// from another command, while the retry of one still shares its key.
    /// </summary>
    private Task<SlackIntakeResult> CommandAsync(JsonObject payload)
    {
        var form = Form(payload);
        return intake.CommandAsync(form, "socket:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(form)))[..16]);
    }

    /// <summary>One whole text frame, however many pieces it came in; null when the connection closed.</summary>
    private static async Task<string?> ReadFrameAsync(ClientWebSocket socket, CancellationToken stopping)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, stopping);
            if (read.MessageType == WebSocketMessageType.Close) return null;
            frame.Write(buffer, 0, read.Count);
            if (frame.Length > SlackRequestReader.MaxBodyBytes) throw new SocketModeException($"a frame over {SlackRequestReader.MaxBodyBytes} bytes");
            if (read.EndOfMessage) return Encoding.UTF8.GetString(frame.ToArray());
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", CancellationToken.None); }
        catch (WebSocketException) { }
    }

    /// <summary>A slash command's fields form-encoded, as the commands endpoint receives them, so one handler reads both.</summary>
    public static string Form(JsonObject payload) => string.Join('&', payload
        .Where(p => p.Value is JsonValue)
        .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : p.Value!.ToJsonString())}"));
}

/// <summary>Slack refused to open a Socket Mode connection, or sent what no connection should carry.</summary>
public sealed class SocketModeException(string problem, bool unrecoverable = false) : Exception(problem)
{
    public bool Unrecoverable => unrecoverable;
}
