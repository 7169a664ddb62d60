using ExecOps.Bot.Settings;
using ExecOps.Workflows;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Api;

/// <summary>A deploy, alert or config change from a pipeline or monitor, to join the timelines of open incidents.</summary>
public sealed record TimelineEvent(string? Kind, string? Service, string? Summary, DateTimeOffset? At, string? Source);

/// <summary>`POST /api/timeline-events`, authenticated by the bearer token in TimelineEvents:Token.</summary>
public static class TimelineEventsApi
{
    public static readonly IReadOnlyList<string> Kinds = ["deploy", "alert", "config-change"];

    private const string Shape = """{"kind": "deploy", "service": "payments", "summary": "payments v2.3.1 deployed", "at": "2026-11-20T22:05:00Z", "source": "github"}""";

    public static IEndpointRouteBuilder MapTimelineEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/timeline-events", ReceiveAsync).AddEndpointFilter<Idempotency>();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<TimelineEventsSettings> settings, IncidentService incidents, TimeProvider clock)
    {
        if (!BearerToken.Matches(request, settings.Value.Token))
            return Problems.Unauthorized("Send `Authorization: Bearer <TimelineEvents:Token>`. The endpoint is closed while no token is configured.");
        var (received, problem) = await JsonBody.ReadAsync<TimelineEvent>(request, Shape);
        if (problem is not null) return problem;
        var kind = received!.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !Kinds.Contains(kind)) return Problems.BadRequest($"\"kind\" must be one of {string.Join(", ", Kinds)}.");
        if (string.IsNullOrWhiteSpace(received.Service)) return Problems.BadRequest("\"service\" is missing; events join the open incidents of the same service.");
        if (string.IsNullOrWhiteSpace(received.Summary)) return Problems.BadRequest("\"summary\" is missing; say what happened, e.g. \"payments v2.3.1 deployed\".");
        var at = received.At ?? clock.GetUtcNow();
        try
        {
            return Results.Ok(new { joined = await incidents.AttachEventAsync(kind, received.Service.Trim(), received.Summary.Trim(), at, received.Source ?? kind) });
        }
        catch (RefusedException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

}
