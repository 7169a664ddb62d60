using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Workflows.Scoreboard;

namespace ExecOps.Bot.Api;

/// <summary>
/// The body of a batch intake endpoint (evidence, contracts): CSV when the Content-Type says so, else JSON, read
/// up to a limit; and the answers every such endpoint gives to a body too large or a batch with bad rows.
/// </summary>
public static class BatchBody
{
    public static async Task<(IReadOnlyList<T>? Batch, IResult? Problem)> ReadAsync<T>(HttpRequest request, long limit, string limitSetting, string example,
        Func<string, IReadOnlyList<T>> fromCsv, Func<JsonNode?, IReadOnlyList<T>?> fromJson)
    {
        if (request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (await RequestBody.ReadAsync(request, limit) is not { } bytes) return (null, TooLarge(limit, limitSetting));
            if (!System.Text.Unicode.Utf8.IsValid(bytes)) return (null, Problems.BadRequest("The CSV is not valid UTF-8; save it as UTF-8 and send it again."));
            return (fromCsv(System.Text.Encoding.UTF8.GetString(bytes)), null);
        }
        var (body, problem) = await JsonBody.ReadAsync<JsonNode>(request, example, limit);
        if (problem is not null) return (null, problem);
        return fromJson(body) is { } batch ? (batch, null) : (null, Problems.BadRequest($"Send {example}."));
    }

    /// <summary>A batch's rows in JSON: the array itself, or the array under <paramref name="key"/> (`{"spend": [...]}`); null when it is neither.</summary>
    public static JsonArray? Items(JsonNode? body, string key) => body switch
    {
        JsonArray array => array,
        JsonObject o when o[key] is JsonArray array => array,
        _ => null,
    };

    /// <summary>A field as the checks read it: a string as it is, a number or other value as its JSON text (checked later), null as missing.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        var other => other.ToJsonString(),
    };

    /// <summary>422: the batch had bad rows, each named by index, and nothing of it was stored.</summary>
    public static IResult Rejected(string what, IReadOnlyList<RejectedRow> rejected) =>
        Results.Problem(title: $"Some {what} could not be used", statusCode: StatusCodes.Status422UnprocessableEntity,
            detail: $"{rejected.Count} fault(s), so nothing was stored. Fix them and send the whole batch again; what is already kept is not kept twice.",
            extensions: new Dictionary<string, object?> { ["rejected"] = rejected.Select(r => new { index = r.Index, reason = r.Reason }).ToList() });

    /// <summary>A batch refused before a row was read: too many rows (413), or a CSV that is not a table (400).</summary>
    public static IResult Refused(ExecOps.Workflows.RefusedException e) => e.Kind == ExecOps.Workflows.RefusalKind.TooLarge
        ? Results.Problem(title: "The batch is too large", detail: e.Message, statusCode: StatusCodes.Status413PayloadTooLarge)
        : Problems.BadRequest(e.Message);

    public static IResult TooLarge(long limit, string setting) =>
        Results.Problem(title: "The batch is too large", statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: $"The body is over {limit / 1024} KB ({setting}). Split it into smaller batches.");
}
