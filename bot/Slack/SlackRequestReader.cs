using ExecOps.Bot.Api;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Slack;

/// <summary>A Slack request whose signature held: its raw body, as signed.</summary>
public sealed record SignedRequest(byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>
/// Reads a Slack request's body (at most 1 MB) and checks its signature before anything else looks at
/// it. A refusal is an HTTP result and nothing runs.
/// </summary>
public sealed class SlackRequestReader(IOptions<SlackSettings> options, TimeProvider clock, ILogger<SlackRequestReader> logger)
{
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<(SignedRequest? Request, IResult? Refusal)> ReadAsync(HttpRequest request)
    {
        var settings = options.Value;
        if (!settings.Enabled) return (null, Results.Problem("Slack is not configured here: set Slack:SigningSecret.", statusCode: StatusCodes.Status404NotFound));
        if (await RequestBody.ReadAsync(request, MaxBodyBytes) is not { } body) return (null, TooLarge());
        var check = SlackSignature.Verify(settings.SigningSecret!, request.Headers["X-Slack-Request-Timestamp"], request.Headers["X-Slack-Signature"],
            body, clock.GetUtcNow(), settings.SignatureWindow);
        if (check == SignatureCheck.Valid) return (new SignedRequest(body), null);

        logger.LogWarning("Refused a Slack request to {Path}: signature {Check}.", request.Path, check);
        var detail = check switch
        {
            SignatureCheck.Missing => "X-Slack-Signature and X-Slack-Request-Timestamp are required.",
            SignatureCheck.Malformed => "The signature headers are not in Slack's v0 format.",
            SignatureCheck.Stale => "The request timestamp is more than five minutes from now; replays are refused.",
            _ => "The signature does not match the body.",
        };
        return (null, Results.Problem(title: "Slack signature check failed", detail: detail, statusCode: StatusCodes.Status401Unauthorized));
    }

    private static IResult TooLarge() =>
        Results.Problem(title: "Request too large", detail: $"Slack requests are at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
