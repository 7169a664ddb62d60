using System.Text.Json.Nodes;
using ExecOps.Bot.Api;

namespace ExecOps.Bot.Slack;

/// <summary>
/// Slack's three request URLs. Each verifies the signature before anything else, then hands the request to the intake, which
/// keeps it in the inbox and acknowledges within Slack's three seconds.
/// </summary>
public static class SlackApi
{
    public static IEndpointRouteBuilder MapSlackApi(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/api/slack");
        slack.MapPost("/commands", CommandAsync);
        slack.MapPost("/interactions", InteractionAsync);
        slack.MapPost("/events", EventAsync);
        return app;
    }

    private static async Task<IResult> CommandAsync(HttpRequest request, SlackRequestReader reader, SlackIntake intake)
    {
        var (signed, refusal) = await reader.ReadAsync(request);
        return refusal ?? Answer(await intake.CommandAsync(signed!.Text, request.Headers["X-Slack-Request-Timestamp"].ToString()));
    }

    private static async Task<IResult> InteractionAsync(HttpRequest request, SlackRequestReader reader, SlackIntake intake)
    {
        var (signed, refusal) = await reader.ReadAsync(request);
        return refusal ?? Answer(await intake.InteractionAsync(SlackPayload.Form(signed!.Text)("payload") ?? ""));
    }

    private static async Task<IResult> EventAsync(HttpRequest request, SlackRequestReader reader, SlackIntake intake)
    {
        var (signed, refusal) = await reader.ReadAsync(request);
        return refusal ?? Answer(await intake.EventAsync(signed!.Text));
    }

    private static IResult Answer(SlackIntakeResult result) =>
        result.Problem is { } problem ? Problems.BadRequest(problem) : result.Answer is JsonObject answer ? Results.Json(answer) : Results.Ok();
}
