using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

public sealed record ReplyView(string MessageId, string Visibility, string Text, JsonObject? Card)
{
    /// <summary>The verbs of every Action.Execute on the card, including those inside ShowCard forms.</summary>
    public IReadOnlyList<string> Verbs => Card is null ? [] : CardJson.Verbs(Card);

    public JsonObject ActionData(string verb) => CardJson.DataOf(Card!, verb);
}

public sealed record MessageView(string MessageId, string To, DateTimeOffset At, string Text, JsonObject? Card);

/// <summary>Talks to the Playground's JSON contract exactly as the page and outside checks do.</summary>
public sealed class PlaygroundClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    public async Task<IReadOnlyList<ReplyView>> CommandAsync(string @as, string text)
    {
        var response = await http.PostAsJsonAsync("/api/playground/commands", new { @as, text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReplyList>(Json))!.Replies;
    }

    public async Task<ReplyView> OneAsync(string @as, string text) => (await CommandAsync(@as, text)).Should().ContainSingle().Subject;

    public async Task<IReadOnlyList<ReplyView>> ActionAsync(string @as, string messageId, string actionId, object data)
    {
        var response = await http.PostAsJsonAsync("/api/playground/actions", new { @as, messageId, actionId, data });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReplyList>(Json))!.Replies;
    }

    public async Task<IReadOnlyList<MessageView>> MessagesAsync(string to) =>
        (await http.GetFromJsonAsync<List<MessageView>>($"/api/playground/messages?to={Uri.EscapeDataString(to)}", Json))!;

    /// <summary>Waits until a message to <paramref name="to"/> (a person, or a #channel) contains <paramref name="text"/>; answers all of theirs.</summary>
    public Task<IReadOnlyList<MessageView>> HearsAsync(string to, string text) =>
        Eventually.Until(() => MessagesAsync(to), m => m.Any(x => x.Text.Contains(text)), $"{to} to hear \"{text}\"");

    private sealed record ReplyList(List<ReplyView> Replies);
}
