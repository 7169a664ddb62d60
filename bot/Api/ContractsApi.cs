using System.Text.Json.Nodes;
using ExecOps.Bot.Settings;
using ExecOps.Workflows;
using ExecOps.Workflows.Contracts;
using ExecOps.Workflows.People;
using Microsoft.Extensions.Options;

namespace ExecOps.Bot.Api;

/// <summary>
/// `POST /api/contracts`: contracts with their promises as JSON (`{"contracts": [...]}`) or CSV (one row per promise),
/// authenticated by the bearer token in Contracts:Token. One bad contract or promise refuses the import whole (422, each
/// fault named by index); a contract already held under its reference is amended, its changes audited; the same import
/// again changes nothing.
/// </summary>
public static class ContractsApi
{
    public const string Path = "/api/contracts";

    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).AddEndpointFilter<Idempotency>();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<ContractsApiSettings> settings, ContractIntake intake, ContractService contracts, TimeProvider clock)
    {
        if (!BearerToken.Matches(request, settings.Value.Token))
            return Problems.Unauthorized("Send `Authorization: Bearer <Contracts:Token>`. The endpoint is closed while no token is configured.");
        var limit = settings.Value.MaxBodyBytes;
        try
        {
            IReadOnlyList<ContractInput?> batch;
            if (request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true)
            {
                if (await RequestBody.ReadAsync(request, limit) is not { } bytes) return TooLarge(limit);
                if (!System.Text.Unicode.Utf8.IsValid(bytes)) return Problems.BadRequest("The CSV is not valid UTF-8; save it as UTF-8 and send it again.");
                batch = ContractFormats.FromCsv(System.Text.Encoding.UTF8.GetString(bytes));
            }
            else
            {
                var (body, problem) = await JsonBody.ReadAsync<JsonNode>(request, ContractFormats.Example, limit);
                if (problem is not null) return problem;
                if (ContractFormats.FromJson(body) is not { } contractsIn) return Problems.BadRequest($"Send {ContractFormats.Example}.");
                batch = contractsIn;
            }
            var (terms, rejected) = intake.Check(batch, clock.GetUtcNow());
            if (rejected.Count > 0)
                return Results.Problem(title: "Some contracts could not be used", statusCode: StatusCodes.Status422UnprocessableEntity,
                    detail: $"{rejected.Count} fault(s), so nothing was stored. Fix them and send the whole import again; contracts already held are not imported twice.",
                    extensions: new Dictionary<string, object?> { ["rejected"] = rejected.Select(r => new { index = r.Index, reason = r.Reason }).ToList() });
            var receipts = await contracts.ImportAsync(Importer, terms);
            return Results.Ok(new
            {
                created = receipts.Count(r => r.Outcome == ContractService.Created),
                amended = receipts.Count(r => r.Outcome == ContractService.Amended),
                unchanged = receipts.Count(r => r.Outcome == ContractService.Unchanged),
                contracts = receipts.Select(r => new { id = r.Id, reference = r.Reference, outcome = r.Outcome, changes = r.Changes }).ToList(),
            });
        }
        catch (RefusedException e)
        {
            return e.Kind == RefusalKind.TooLarge
                ? Results.Problem(title: "The import is too large", detail: e.Message, statusCode: StatusCodes.Status413PayloadTooLarge)
                : Problems.BadRequest(e.Message);
        }
    }

    /// <summary>Who the audit log and a contract's amendments name for what came in by this endpoint.</summary>
    public static readonly Actor Importer = new("contracts-api", "the contracts API", null);

    private static IResult TooLarge(long limit) =>
        Results.Problem(title: "The import is too large", statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: $"The body is over {limit / 1024} KB (Contracts:MaxBodyBytes). Split it into smaller imports.");
}
