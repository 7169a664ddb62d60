using ExecOps.Bot.Conversation;

namespace ExecOps.Bot.Slack;

/// <summary>A slash command: who typed it, run through the core, each reply an answer through its response_url.</summary>
public sealed class SlackCommandHandler(ChatCore chat, SlackActors actors) : ISlackInboxHandler
{
    public const string Kind = "slack.command";

    public string Source => Kind;

    /// <summary>Why a signed command cannot be run, or null when it has what it needs.</summary>
    public static string? Problem(string payload)
    {
        var form = SlackPayload.Form(payload);
        if (string.IsNullOrEmpty(form("command"))) return "This request has no `command` field, so there is nothing to run. Try `/execops` for help.";
        if (string.IsNullOrEmpty(form("user_id"))) return "This request does not say who typed it (`user_id` is missing), so it cannot be run.";
        if (!form("command")!.StartsWith('/')) return $"`command` is `{form("command")}`; Slack sends a slash command with its slash, e.g. `/incident`.";
        if (form("response_url") is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var answerAt) && answerAt.Scheme is "https" or "http"))
            return "`response_url` is not an http(s) URL, so a late answer could not reach you; nothing was run.";
        return null;
    }

    public async Task<IReadOnlyList<SlackCall>> HandleAsync(string payload, CancellationToken cancel)
    {
        var form = SlackPayload.Form(payload);
        var actor = await actors.ResolveAsync(form("user_id")!, form("user_name"), cancel);
        var command = form("command")!.TrimStart('/');
        var text = command == "execops" ? "/help" : $"/{command} {SlackText.ToCommandText(form("text") ?? "")}";
        var replies = await chat.HandleCommandAsync(actor, text);
        return [.. replies.Select(r => SlackCall.Response(form("response_url") ?? "", SlackMessages.Response(r)))];
    }
}
