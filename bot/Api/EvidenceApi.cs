using System.Text.Json.Nodes;
using ExecOps.Bot.Settings;
using ExecOps.Workflows;
using ExecOps.Workflows.Compliance;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Api;

/// <summary>
/// `POST /api/evidence`: compliance evidence as JSON (`{"evidence": [...]}`) or CSV (Content-Type text/csv,
/// columns control, kind, content, reference, at, by), authenticated by the bearer token in Evidence:Token.
/// A batch with any bad row is refused whole (422, every bad row named by index). Each item is kept once per
/// control and reference (or, without one, per content and day), so the same batch sent again adds nothing;
/// an `Idempotency-Key` replays the first answer.
/// </summary>
public static class EvidenceApi
{
    public const string Path = "/api/evidence";
    public static readonly IReadOnlyList<string> Columns = ["control", "kind", "content", "reference", "at", "by"];

    private const string Example = """{"evidence": [ {"control": "CTRL-3", "kind": "access-review", "content": "https://wiki.example.com/access-review-2026-q4", "reference": "access-review-2026-q4"} ]}""";

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).AddEndpointFilter<Idempotency>();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<EvidenceSettings> settings, EvidenceIntake intake, ComplianceService compliance, TimeProvider clock)
    {
        if (!BearerToken.Matches(request, settings.Value.Token))
            return Problems.Unauthorized("Send `Authorization: Bearer <Evidence:Token>`. The endpoint is closed while no token is configured.");
        try
        {
            var (batch, problem) = await BatchBody.ReadAsync(request, settings.Value.MaxBodyBytes, "Evidence:MaxBodyBytes", Example, FromCsv, FromJson);
            if (problem is not null) return problem;
            var (rows, rejected) = intake.Check(batch!, clock.GetUtcNow());
            if (rejected.Count > 0) return BatchBody.Rejected("items", rejected);
            var results = await compliance.IntakeAsync(Workflows.People.Actor.System, rows);
            return Results.Ok(new
            {
                recorded = results.Count(r => r.Added),
                unchanged = results.Count(r => !r.Added),
                items = results.Select((r, i) => new { index = i, control = r.Item.Control, kind = r.Item.Kind, sequence = r.Item.Sequence, sha256 = r.Item.Sha256, recordedAt = r.Item.RecordedAt, added = r.Added }).ToList(),
            });
        }
        catch (RefusedException e)
        {
            return BatchBody.Refused(e);
        }
    }

    private static IReadOnlyList<EvidenceInput?> FromCsv(string text) =>
        CsvTable.Parse(text, Columns, "control,kind,content,reference").Select(row => row.Unreadable is { } reason
            ? new EvidenceInput(null, null, null, Unreadable: reason)
            : new EvidenceInput(row.Field("control"), row.Field("kind"), row.Field("content"), row.Field("reference"), row.Field("at"), row.Field("by"))).ToList();

    private static IReadOnlyList<EvidenceInput?>? FromJson(JsonNode? body) => BatchBody.Items(body, "evidence")?.Select(Row).ToList();

    private static EvidenceInput? Row(JsonNode? node)
    {
        if (node is not JsonObject row) return node is null ? null : new EvidenceInput(null, null, null, Unreadable: "the item must be a JSON object");
        string? Field(string name) => BatchBody.Text(row[name]);
        return new EvidenceInput(Field("control"), Field("kind"), Field("content"), Field("reference"), Field("at"), Field("by"));
    }
}
