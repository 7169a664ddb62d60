using System.Text.Json;

namespace ExecOps.Bot.Api;

/// <summary>
/// Reads a JSON body ourselves rather than through parameter binding, so a malformed body gets a
/// problem+json 400 that says where it broke, instead of an empty 400 or an exception.
/// </summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (request.ContentType is null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return (null, Problems.BadRequest($"Send the body as application/json (got {request.ContentType ?? "no content type"})."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null ? (null, Problems.BadRequest("The body is empty or null; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            return (null, Problems.BadRequest($"The body is not valid JSON for this endpoint{where}: {e.Message.Split(" Path:")[0]}"));
        }
    }
}
