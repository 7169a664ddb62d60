using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

/// <summary>Reads /healthz whatever its status: it answers 503 until the scheduler runs, and tests want the body either way.</summary>
public static class Health
{
    public static async Task<JsonObject> ReadAsync(HttpClient http) =>
        JsonNode.Parse(await (await http.GetAsync("/healthz")).Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Health once the scheduler has started.</summary>
    public static Task<JsonObject> WhenRunningAsync(HttpClient http) =>
        Eventually.Until(() => ReadAsync(http), h => (string?)h["scheduler"]?["status"] == "running", "the scheduler to run");
}
