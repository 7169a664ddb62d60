using System.Net;
using System.Security.Cryptography;
using System.Text;
using ExecOps.Bot.Hosting;
using ExecOps.Bot.Settings;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Playground;

/// <summary>
/// The Playground lets whoever uses it act as anyone, so it is a tool for this machine: it answers
/// loopback peers only (unless Playground:AllowRemote), and only with its token, as Jupyter does: the
/// URL printed at start-up carries it once (`/?token=…`), the page keeps it in a cookie, and the JSON
/// API also takes `Authorization: Bearer <token>`.
/// </summary>
public sealed class PlaygroundGate(IOptions<PlaygroundSettings> settings, ILogger<PlaygroundGate> logger)
{
    public const string Cookie = "execops_playground";

    private readonly byte[] token = Encoding.UTF8.GetBytes(string.IsNullOrWhiteSpace(settings.Value.Token)
        ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_')
        : settings.Value.Token);

    public string Token => Encoding.UTF8.GetString(token);

    /// <summary>Whether a request is the Playground's: its page or its API (the page's scripts and styles hold nothing).</summary>
    public static bool Guards(HttpRequest request) =>
        request.Path == "/" || request.Path == "/index.html" || request.Path.StartsWithSegments("/api/playground");

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Connection.RemoteIpAddress is { } peer && !IPAddress.IsLoopback(peer) && !settings.Value.AllowRemote)
        {
            logger.LogWarning("Refused a Playground request from {Peer}: it answers this machine only.", peer);
            await Refuse(http, StatusCodes.Status403Forbidden, "Not from here",
                "The Playground answers only on the machine the bot runs on. Set Playground:AllowRemote=true to open it to others (they still need its token).");
            return;
        }
        if (!http.Request.Path.StartsWithSegments("/api") && Matches(http.Request.Query["token"]))
        {
            http.Response.Cookies.Append(Cookie, Token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/" });
            http.Response.Redirect("/");
            return;
        }
        var bearer = http.Request.Headers.Authorization.ToString();
        if (Matches(http.Request.Cookies[Cookie]) || (bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(bearer["Bearer ".Length..].Trim())))
        {
            await next(http);
            return;
        }
        await Refuse(http, StatusCodes.Status401Unauthorized, "The Playground needs its token",
            "Open the link the bot printed when it started (http://…/?token=…), or send Authorization: Bearer <Playground:Token>.");
    }

    /// <summary>Says where to open the Playground, and warns when the bot listens beyond this machine.</summary>
    public void Announce(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            logger.LogInformation("The Playground is on: open {Url}/?token={Token}", ListenAddress.Local(address), Token);
            if (!ListenAddress.IsLoopback(address))
                logger.LogWarning("The bot listens on {Address}, beyond this machine, with the Playground on: anyone with its token could act as anyone{Remote}. Set Playground:Enabled=false when Slack or Teams reach this bot.",
                    address, settings.Value.AllowRemote ? " (Playground:AllowRemote is true)" : "; it refuses them unless Playground:AllowRemote is true");
        }
    }

    private bool Matches(string? given) =>
        !string.IsNullOrEmpty(given) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), token);

    private static Task Refuse(HttpContext http, int status, string title, string detail)
    {
        if (http.Request.Path.StartsWithSegments("/api")) return Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(http);
        return Results.Content($"<!doctype html><meta charset=utf-8><title>ExecOps Playground</title><main><h1>{title}</h1><p>{WebUtility.HtmlEncode(detail)}</p></main>",
            "text/html; charset=utf-8", Encoding.UTF8, status).ExecuteAsync(http);
    }
}
