using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

/// <summary>Reads rendered Adaptive Cards the way a client does: by walking actions and their verbs.</summary>
public static class CardJson
{
    public static IReadOnlyList<string> Verbs(JsonObject card) => Executes(card).Select(a => (string)a["verb"]!).ToList();

    public static JsonObject DataOf(JsonObject card, string verb) =>
        (JsonObject)Executes(card).Single(a => (string?)a["verb"] == verb)["data"]!;

    /// <summary>The verb and data of the Action.Execute a person sees titled <paramref name="title"/>.</summary>
    public static (string Verb, JsonObject Data) Titled(JsonObject card, string title) =>
        Executes(card).Where(a => (string?)a["title"] == title).Select(a => ((string)a["verb"]!, (JsonObject)a["data"]!)).First();

    /// <summary>Where each Action.OpenUrl on the card leads, in order.</summary>
    public static IReadOnlyList<string> OpenUrls(JsonObject card) =>
        All(card).Where(n => (string?)n["type"] == "Action.OpenUrl").Select(a => (string)a["url"]!).ToList();

    public static string Facts(JsonObject card) =>
        string.Join("\n", All(card).Where(n => (string?)n["type"] == "FactSet")
            .SelectMany(f => f["facts"]!.AsArray()).Select(f => $"{f!["title"]}: {f["value"]}"));

    /// <summary>Every text a reader sees on the card, one per line: its text blocks and facts.</summary>
    public static string Text(JsonObject card) =>
        string.Join("\n", All(card).Where(n => (string?)n["type"] == "TextBlock").Select(t => (string?)t["text"]).Append(Facts(card)));

    private static IEnumerable<JsonObject> Executes(JsonObject card) =>
        All(card).Where(n => (string?)n["type"] == "Action.Execute");

    private static IEnumerable<JsonObject> All(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(p => p.Value).SelectMany(All)) yield return child;
                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(All)) yield return child;
                break;
        }
    }
}
