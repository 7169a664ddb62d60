using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecOps.Bot.Playground;

/// <summary>The Playground's JSON contract; checks outside the test suite rely on these names.</summary>
public sealed record PlaygroundPerson(string Id, string Name, string Email, IReadOnlyList<string> Roles);

public sealed record PlaygroundCommand(string? As, string? Text);

public sealed record PlaygroundAction(string? As, string? MessageId, string? ActionId, Dictionary<string, JsonElement>? Data);

public sealed record PlaygroundReply(string MessageId, string Visibility, string Text, JsonObject? Card);

public sealed record PlaygroundReplies(IReadOnlyList<PlaygroundReply> Replies);

public sealed record PlaygroundMessage(string MessageId, string To, DateTimeOffset At, string Text, JsonNode? Card);
