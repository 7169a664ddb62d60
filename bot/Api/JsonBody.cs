using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecOps.Bot.Api;

/// <summary>
/// Reads a JSON body ourselves rather than through parameter binding, so a malformed body gets a
/// problem+json 400 that says where it broke and what the endpoint takes, in JSON's words rather than
/// .NET's, instead of an empty 400 or an exception.
/// </summary>
public static class JsonBody
{
    /// <summary>More than any endpoint reading JSON this way takes (the metrics batch has its own, smaller, limit).</summary>
    public const long MaxBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="shape">An example of what the endpoint takes, for the answer when the body is not that.</param>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, string shape, long maxBytes = MaxBytes) where T : class
    {
        if (request.ContentType is null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return (null, Results.Problem(title: "The request could not be used", statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: $"Send the body as application/json (got {request.ContentType ?? "no content type"}), e.g. {shape}."));
        if (await RequestBody.ReadAsync(request, maxBytes) is not { } bytes)
            return (null, Results.Problem(title: "The body is too large", statusCode: StatusCodes.Status413PayloadTooLarge,
                detail: $"The body is over {maxBytes / 1024} KB; send less at a time."));
        if (bytes.Length == 0) return (null, Problems.BadRequest($"The body is empty; send a JSON object, e.g. {shape}."));

        var reading = StrictJson.Parse(bytes);
        if (reading.Node is not { } node) return (null, Problems.BadRequest(reading.Problem!));
        if (node is T same) return (same, null);
        if (typeof(T) == typeof(JsonObject)) return (null, Problems.BadRequest($"The body must be a JSON object, e.g. {shape}."));
        try
        {
            return node.Deserialize<T>(Options) is { } value ? (value, null) : (null, Problems.BadRequest($"Send a JSON object, e.g. {shape}."));
        }
        catch (JsonException e)
        {
            var where = e.Path is null or "$" ? "The body" : $"The value at `{e.Path}`";
            return (null, Problems.BadRequest($"{where} is not of the type this endpoint takes; send e.g. {shape}."));
        }
    }
}
