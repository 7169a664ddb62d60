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
/// key is a restatement. Untagged spend is kept, and the answer says how much came untagged.
/// </summary>
public static class SpendApi
{
    public const string Path = "/api/spend";
    public static readonly IReadOnlyList<string> Columns = ["day", "amount", "currency", "provider", "service", "team", "tenant", "env", "expires"];

    private const string Example = """{"spend": [ {"day": "2026-11-30", "amount": 1234.56, "currency": "USD", "provider": "aws", "service": "payments", "team": "payments-core", "tenant": "acme", "env": "prod"} ]}""";

    public static IEndpointRouteBuilder MapSpendApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<SpendApiSettings> settings, SpendService spend)
    {
        if (!BearerToken.Matches(request, settings.Value.Token))
            return Problems.Unauthorized("Send `Authorization: Bearer <Spend:Token>`. The endpoint is closed while no token is configured.");
        try
        {
            var (batch, problem) = await BatchBody.ReadAsync(request, settings.Value.MaxBodyBytes, "Spend:MaxBodyBytes", Example, FromCsv, FromJson);
            if (problem is not null) return problem;
            var outcome = await spend.IngestAsync(batch!);
            if (outcome.Receipt is not { } receipt) return BatchBody.Rejected("rows", outcome.Rejected);
            return Results.Ok(new { stored = receipt.Stored, revised = receipt.Revised, unchanged = receipt.Unchanged, untagged = outcome.Untagged });
        }
        catch (RefusedException e)
        {
            return BatchBody.Refused(e);
        }
    }

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
