using System.Text.Json.Nodes;
using ExecOps.Bot.Settings;
using ExecOps.Workflows;
using ExecOps.Workflows.Spend;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Api;

/// <summary>
/// `POST /api/spend`: a day's spend by provider and tags as JSON (`{"spend": [...]}`) or CSV (columns day, amount, currency,
/// provider, service, team, tenant, env, expires), authenticated by the bearer token in Spend:Token. A batch with any bad row is
/// refused whole (422, each row named by index). Storing is idempotent by day, provider and tags; a new amount for the same
/// key is a restatement. Untagged spend is kept, and the answer says how much came untagged. `POST /api/spend/usage` takes daily
/// usage counts the same way (`{"usage": [...]}` or CSV columns day, metric, value): the requests behind Telemetry Efficiency.
/// </summary>
public static class SpendApi
{
    public const string Path = "/api/spend";
    public const string UsagePath = "/api/spend/usage";
    public static readonly IReadOnlyList<string> Columns = ["day", "amount", "currency", "provider", "service", "team", "tenant", "env", "expires"];

    private const string UsageExample = """{"usage": [ {"day": "2026-11-30", "metric": "requests", "value": 48200000} ]}""";

    private const string Example = """{"spend": [ {"day": "2026-11-30", "amount": 1234.56, "currency": "USD", "provider": "aws", "service": "payments", "team": "payments-core", "tenant": "acme", "env": "prod"} ]}""";

    public static IEndpointRouteBuilder MapSpendApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync);
        app.MapPost(UsagePath, ReceiveUsageAsync);
        return app;
    }

    private static Task<IResult> ReceiveAsync(HttpRequest request, IOptions<SpendApiSettings> settings, SpendService spend) =>
        ReceiveAsync<SpendInput?>(request, settings.Value, Example, FromCsv, FromJson, async batch =>
        {
            var outcome = await spend.IngestAsync(batch);
            return outcome.Receipt is not { } receipt ? BatchBody.Rejected("rows", outcome.Rejected)
                : Results.Ok(new { stored = receipt.Stored, revised = receipt.Revised, unchanged = receipt.Unchanged, untagged = outcome.Untagged });
        });

    private static Task<IResult> ReceiveUsageAsync(HttpRequest request, IOptions<SpendApiSettings> settings, SpendService spend) =>
        ReceiveAsync<UsageInput?>(request, settings.Value, UsageExample, UsageFromCsv, UsageFromJson, async batch =>
        {
            var (receipt, rejected) = await spend.IngestUsageAsync(batch);
            return receipt is null ? BatchBody.Rejected("rows", rejected) : Results.Ok(new { stored = receipt.Stored, revised = receipt.Revised, unchanged = receipt.Unchanged });
        });

    private static async Task<IResult> ReceiveAsync<T>(HttpRequest request, SpendApiSettings settings, string example,
        Func<string, IReadOnlyList<T>> fromCsv, Func<JsonNode?, IReadOnlyList<T>?> fromJson, Func<IReadOnlyList<T>, Task<IResult>> store)
    {
        if (!BearerToken.Matches(request, settings.Token))
            return Problems.Unauthorized("Send `Authorization: Bearer <Spend:Token>`. The endpoint is closed while no token is configured.");
        try
        {
            var (batch, problem) = await BatchBody.ReadAsync(request, settings.MaxBodyBytes, "Spend:MaxBodyBytes", example, fromCsv, fromJson);
            return problem ?? await store(batch!);
        }
        catch (RefusedException e)
        {
            return BatchBody.Refused(e);
        }
    }

    private static IReadOnlyList<UsageInput?> UsageFromCsv(string text) =>
        CsvTable.Parse(text, ["day", "metric", "value"], "day,metric,value").Select(row => row.Unreadable is { } reason
            ? new UsageInput(null, null, null, reason)
            : new UsageInput(row.Field("day"), row.Field("metric"), row.Field("value"))).ToList();

    private static IReadOnlyList<UsageInput?>? UsageFromJson(JsonNode? body) => BatchBody.Items(body, "usage")?.Select(node => node switch
    {
        JsonObject row => new UsageInput(BatchBody.Text(row["day"]), BatchBody.Text(row["metric"]), BatchBody.Text(row["value"])),
        null => null,
        _ => new UsageInput(null, null, null, "the row must be a JSON object"),
    }).ToList();

    private static IReadOnlyList<SpendInput?> FromCsv(string text) =>
        CsvTable.Parse(text, Columns, "day,amount,provider,service,team").Select(row => row.Unreadable is { } reason
            ? new SpendInput(null, null, null, null, Unreadable: reason)
            : new SpendInput(row.Field("day"), row.Field("amount"), row.Field("currency"), row.Field("provider"), row.Field("service"), row.Field("team"),
                row.Field("tenant"), row.Field("env"), row.Field("expires"))).ToList();

    private static IReadOnlyList<SpendInput?>? FromJson(JsonNode? body) => BatchBody.Items(body, "spend")?.Select(Row).ToList();

    private static SpendInput? Row(JsonNode? node)
    {
        if (node is not JsonObject row) return node is null ? null : new SpendInput(null, null, null, null, Unreadable: "the row must be a JSON object");
        string? Field(string name) => BatchBody.Text(row[name]);
        return new SpendInput(Field("day"), Field("amount"), Field("currency"), Field("provider"), Field("service"), Field("team"), Field("tenant"), Field("env"), Field("expires"));
    }
}
