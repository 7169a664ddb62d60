using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Settings;
using ExecOps.Workflows;
using ExecOps.Workflows.Changes;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Api;

/// <summary>
/// `POST /api/changes/{id}/events`, authenticated by the bearer token in ChangeEvents:Token: what a
/// delivery pipeline reports of a change in flight. `{"kind": "started" | "stage" | "health" |
/// "completed" | "rolled_back" | "failed" | "hotfix", "at": "…", "first_commit_at": "…", "percent": 10,
/// "readings": {"p95_latency_ms": 280}, "detail": "…"}`.
/// </summary>
public static class ChangeEventsApi
{
    public static readonly IReadOnlyList<string> Kinds = ["started", "stage", "health", "completed", "rolled_back", "failed", "hotfix"];

    private const string Shape = """{"kind": "stage", "at": "2026-11-20T22:05:00Z", "percent": 10}""";

    public static IEndpointRouteBuilder MapChangeEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/changes/{id}/events", ReceiveAsync).AddEndpointFilter<Idempotency>();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string id, HttpRequest request, IOptions<ChangeEventsSettings> settings, ChangeService changes, TimeProvider clock)
    {
        if (!BearerToken.Matches(request, settings.Value.Token))
            return Problems.Unauthorized("Send `Authorization: Bearer <ChangeEvents:Token>`. The endpoint is closed while no token is configured.");
        var (body, problem) = await JsonBody.ReadAsync<JsonObject>(request, Shape);
        if (problem is not null) return problem;
        var kind = Text(body!, "kind")?.ToLowerInvariant();
        if (kind is null || !Kinds.Contains(kind)) return Problems.BadRequest($"\"kind\" must be one of {string.Join(", ", Kinds)}.");
        try
        {
            var at = Instant(body!, "at") ?? clock.GetUtcNow();
            Action<Change> act = kind switch
            {
                "started" => c => c.Start(at, Instant(body!, "first_commit_at")),
                "stage" => c => c.Stage(at, Percent(body!)),
                "health" => c => c.Health(at, Readings(body!)),
                "completed" => c => c.Complete(at),
                "rolled_back" => c => c.RolledBack(at),
                "failed" => c => c.Failed(at, Text(body!, "detail")),
                _ => c => c.Hotfix(at, Text(body!, "detail")),
            };
            var change = await changes.ActAsync(id, act);
            return Results.Ok(new { id = change.Id, state = change.Data.State.ToString(), stage = change.Data.StagePercent, rollbackRequested = change.Data.RollbackRequested });
        }
        catch (RefusedException e)
        {
            return Results.Problem(title: "The event could not be used", detail: e.Message, statusCode: e.Kind switch
            {
                RefusalKind.NotFound => StatusCodes.Status404NotFound,
                RefusalKind.NotAllowedNow or RefusalKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            });
        }
    }

    private static string? Text(JsonObject body, string field) =>
        body[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static DateTimeOffset? Instant(JsonObject body, string field)
    {
        if (body[field] is null) return null;
        return DateTimeOffset.TryParse(Text(body, field), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at
            : throw new RefusedException(RefusalKind.Invalid, $"\"{field}\" must be an ISO 8601 timestamp, e.g. 2026-11-20T22:05:00Z.");
    }

    private static int Percent(JsonObject body) =>
        body["percent"] is JsonValue v && v.TryGetValue(out int percent) ? percent
        : throw new RefusedException(RefusalKind.Invalid, "A stage event needs \"percent\", a whole number from 1 to 100.");

    private static IReadOnlyDictionary<string, decimal> Readings(JsonObject body)
    {
        if (body["readings"] is not JsonObject readings) throw new RefusedException(RefusalKind.Invalid, "A health event needs \"readings\", e.g. {\"p95_latency_ms\": 280}.");
        var values = new Dictionary<string, decimal>();
        foreach (var (metric, node) in readings)
        {
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                values[metric.ToLowerInvariant()] = value;
            else throw new RefusedException(RefusalKind.Invalid, $"The reading \"{metric}\" is not a number.");
        }
        return values;
    }
}
