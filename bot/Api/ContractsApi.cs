using ExecOps.Bot.Settings;
using ExecOps.Workflows;
using ExecOps.Workflows.Contracts;
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

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<ContractsApiSettings> settings, ContractService contracts)
    {
        if (!BearerToken.Matches(request, settings.Value.Token))
            return Problems.Unauthorized("Send `Authorization: Bearer <Contracts:Token>`. The endpoint is closed while no token is configured.");
        try
        {
            var (batch, problem) = await BatchBody.ReadAsync(request, settings.Value.MaxBodyBytes, "Contracts:MaxBodyBytes", ContractFormats.Example, ContractFormats.FromCsv, ContractFormats.FromJson);
            if (problem is not null) return problem;
            var import = await contracts.ImportByTokenAsync(batch!);
            if (import.Rejected.Count > 0) return BatchBody.Rejected("contracts", import.Rejected);
            var receipts = import.Receipts;
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
            return BatchBody.Refused(e);
        }
    }
}
