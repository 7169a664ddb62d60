using System.Text.Json.Nodes;
using ExecOps.Bot.Api;
using ExecOps.Bot.Teams.Auth;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Teams;

/// <summary>
/// `POST /api/messages`, the Bot Framework messaging endpoint. The bearer token is checked before
/// anything runs, including that its serviceurl claim names the service the activity says to answer;
/// a refusal is 401 and nothing else happens.
/// </summary>
public static class TeamsApi
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<TeamsSettings> settings, TeamsTokenValidator tokens, TeamsActivityHandler handler, ILogger<TeamsActivityHandler> logger)
    {
        if (!settings.Value.Enabled) return Results.Problem("Teams is not configured here: set Teams:AppId.", statusCode: StatusCodes.Status404NotFound);
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
            return Problem401("An Authorization: Bearer token from the Bot Framework is required.");
        if (await RequestBody.ReadAsync(request, MaxBodyBytes) is not { } body)
            return Results.Problem(detail: $"Activities are at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

        var (activity, problem) = Read(body);
        // A body refused anyway is answered nowhere, so only there may the token's serviceurl go unchecked.
        var check = await tokens.ValidateAsync(authorization, activity?.ServiceUrl, request.HttpContext.RequestAborted, checkServiceUrl: activity is not null, channelId: activity?.ChannelId);
        if (!check.IsValid)
        {
            logger.LogWarning("Refused a Teams activity: {Reason}.", check.Reason);
            return Problem401($"The token was refused: {check.Reason}.");
        }
        if (activity is null) return Problems.BadRequest($"The body is not a Bot Framework activity the bot can act on: {problem}");

        var answer = await handler.HandleAsync(activity, request.HttpContext.RequestAborted);
        return answer is null ? Results.Ok() : Results.Json(answer);
    }

    private static (TeamsActivity? Activity, string? Problem) Read(byte[] body)
    {
        var reading = StrictJson.Parse(body);
        if (reading.Node is not JsonObject json) return (null, reading.Problem ?? "send a JSON object.");
        return TeamsActivityShape.Problem(json) is { } problem ? (null, problem) : (new TeamsActivity(json), null);
    }

    private static IResult Problem401(string detail) =>
        Results.Problem(title: "Not authenticated", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
