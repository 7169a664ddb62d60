using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Workflows;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Api;

/// <summary>
/// The `Idempotency-Key` header (IETF httpapi draft, as Stripe and GitHub's clients send it) on the
/// machine-to-machine endpoints that change state. A request with a key runs under it: its change claims
/// the key in its own transaction, and its answer is kept, so a retry after a timeout gets the same
/// answer and changes nothing; a retry while the first still runs, or after a crash took its answer,
/// is refused as already handled. Without the header every request is a new one.
/// </summary>
public sealed class Idempotency(Store store) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string Replayed = "Idempotent-Replayed";
    private const int MaxKey = 200;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var given = http.Request.Headers[Header].ToString();
        if (given.Length == 0) return await next(context);
        if (given.Length > MaxKey) return Problems.BadRequest($"{Header} is at most {MaxKey} characters; send a UUID or your delivery id.");

        var key = $"http{http.Request.Path}/{given}";
        if (await store.ReadAsync(scope => scope.Requests.FindAsync(key)) is { Length: > 0 } kept)
        {
            http.Response.Headers[Replayed] = "true";
            return Results.Json(JsonNode.Parse(kept));
        }
        using var request = RequestScope.Begin(key);
        object? result;
        try { result = await next(context); }
        catch (RefusedException) when (request.Duplicate) { return AlreadyHandled(); }
        if (request.Duplicate) return AlreadyHandled();
        if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value })
            await store.WriteAsync(async u => { await u.Requests.SaveResponseAsync(key, JsonSerializer.Serialize(value, JsonSerializerOptions.Web)); return true; });
        return result;
    }

    private static IResult AlreadyHandled() =>
        Results.Problem(title: "Already handled", statusCode: StatusCodes.Status409Conflict,
            detail: $"A request with this {Header} was already applied (or is being applied now); nothing was done again.");
}
