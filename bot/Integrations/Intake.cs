using System.Text.Json.Nodes;
using ExecOps.Bot.Api;
using ExecOps.Workflows;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.Storage;

namespace ExecOps.Bot.Integrations;

/// <summary>What one delivery (or one alert of a group) came to: its answer, or that it was applied before, or why it was refused.</summary>
public sealed record Handled<T>(T? Value, bool Duplicate, string? Refused);

/// <summary>
/// The steps every provider's endpoint shares: read the raw body (the signature is over its bytes), refuse an
/// unverified delivery before anything else with 401 and an audit count, parse JSON, and run each delivery as a
/// request keyed by the provider's own id, so a redelivery is answered 200 (the provider stops retrying) and changes nothing.
/// </summary>
public static class Intake
{
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        if (await RequestBody.ReadAsync(request, JsonBody.MaxBytes) is not { } body)
            return (null, Results.Problem(title: "The body is too large", statusCode: StatusCodes.Status413PayloadTooLarge,
                detail: $"The body is over {JsonBody.MaxBytes / 1024} KB; the bot reads no delivery that large."));
        return (body, null);
    }

    public static async Task<IResult> UnauthorizedAsync(Store store, string provider, string detail)
    {
        await store.WriteAsync(async u => { await u.Audit.RefuseAsync(null, $"{provider}.delivery", provider, detail); return true; });
        return Problems.Unauthorized(detail);
    }

    /// <summary>The body as a JSON object, or the 400 that says where it broke.</summary>
    public static (JsonObject? Json, IResult? Problem) Parse(byte[] body, string what)
    {
        if (body.Length == 0) return (null, Problems.BadRequest($"The body is empty; send {what} as JSON."));
        var reading = StrictJson.Parse(body);
        if (reading.Node is JsonObject json) return (json, null);
        return (null, Problems.BadRequest(reading.Problem ?? $"The body must be a JSON object: {what}."));
    }

    public static async Task<Handled<T>> RunAsync<T>(string key, string provider, string action, Func<Task<T>> handle)
    {
        using var request = RequestScope.Begin($"{provider}/{key}");
        using var audit = AuditScope.Begin(provider, action);
        try
        {
            return new Handled<T>(await handle(), false, null);
        }
        catch (RefusedException) when (request.Duplicate)
        {
            return new Handled<T>(default, true, null);
        }
        catch (RefusedException e)
        {
            return new Handled<T>(default, false, e.Message);
        }
    }

    public const string AlreadyApplied = "This delivery was applied before; nothing was done again.";
}
