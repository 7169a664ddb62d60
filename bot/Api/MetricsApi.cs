using System.Text.Json.Nodes;
using ExecOps.Bot.Settings;
using ExecOps.Workflows;
using ExecOps.Workflows.Scoreboard;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Api;

/// <summary>
/// `POST /api/metrics/observations`: a batch of KPI observations as JSON (`{"observations": [...]}`)
/// or as CSV (Content-Type text/csv), authenticated by the bearer token in Metrics:Token. A batch with
/// any bad row is refused whole (422, every bad row named by index); storing is idempotent, so the
/// fixed batch can simply be sent again.
/// </summary>
public static class MetricsApi
{
    public const string Path = "/api/metrics/observations";

    private const string Example = """{"observations": [ {"kpi": "uptime", "period": "2026-W47", "value": 99.95, "team": "payments"} ]}""";

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<MetricsSettings> settings, MetricsIntake intake)
    {
        if (!BearerToken.Matches(request, settings.Value.Token))
            return Problems.Unauthorized("Send `Authorization: Bearer <Metrics:Token>`. The endpoint is closed while no token is configured.");
        var limit = settings.Value.MaxBodyBytes;
        if (request.ContentLength > limit) return TooLarge(limit);
        try
        {
            var csv = request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true;
            var (batch, problem) = csv ? await ReadCsvAsync(request, limit) : await ReadJsonAsync(request, limit);
            if (problem is not null) return problem;
            return Answer(await intake.IngestAsync(batch!));
        }
        catch (RefusedException e)
        {
            return e.Kind == RefusalKind.TooLarge
                ? Results.Problem(title: "The batch is too large", detail: e.Message, statusCode: StatusCodes.Status413PayloadTooLarge)
                : Problems.BadRequest(e.Message);
        }
    }

    /// <summary>Shared with the chat import: 200 with the receipt, or 422 naming every bad row.</summary>
    public static IResult Answer(IntakeOutcome outcome) => outcome.Receipt is { } receipt
        ? Results.Ok(new { stored = receipt.Stored, revised = receipt.Revised, unchanged = receipt.Unchanged })
        : Results.Problem(title: "Some rows could not be used", statusCode: StatusCodes.Status422UnprocessableEntity,
            detail: $"{outcome.Rejected.Count} row(s) could not be used, so nothing was stored. Fix them and send the whole batch again; rows already stored are not counted twice.",
            extensions: new Dictionary<string, object?> { ["rejected"] = outcome.Rejected.Select(r => new { index = r.Index, reason = r.Reason }).ToList() });

    private static IResult TooLarge(long limit) =>
        Results.Problem(title: "The batch is too large", statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: $"The body is over {limit / 1024} KB (Metrics:MaxBodyBytes). Split it into smaller batches.");

    private static async Task<(IReadOnlyList<ObservationInput?>?, IResult?)> ReadCsvAsync(HttpRequest request, long limit)
    {
        if (await RequestBody.ReadAsync(request, limit) is not { } bytes) return (null, TooLarge(limit));
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return (null, Problems.BadRequest("The CSV is not valid UTF-8; save it as UTF-8 and send it again."));
        return (ObservationCsv.Parse(System.Text.Encoding.UTF8.GetString(bytes)), null);
    }

    private static async Task<(IReadOnlyList<ObservationInput?>?, IResult?)> ReadJsonAsync(HttpRequest request, long limit)
    {
        var (body, problem) = await JsonBody.ReadAsync<JsonNode>(request, Example, limit);
        if (problem is not null) return (null, problem);
        if (BatchBody.Items(body, "observations") is not { } rows)
            return (null, Problems.BadRequest($"Send {Example}."));
        return (rows.Select(Row).ToList(), null);
    }

    private static ObservationInput? Row(JsonNode? node)
    {
        if (node is not JsonObject row) return node is null ? null : new ObservationInput(null, null, null, null, Unreadable: "the row must be a JSON object");
        string? Field(string name) => BatchBody.Text(row[name]);
        return new ObservationInput(Field("kpi"), Field("period"), Field("at"), Field("value"),
            Field("icp"), Field("size"), Field("region"), Field("domain"), Field("service"), Field("team"));
    }
}
