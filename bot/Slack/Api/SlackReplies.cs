namespace ExecOps.Bot.Slack.Api;

/// <summary>Where a posted message lives: Slack addresses a message by its channel id and its ts.</summary>
public sealed record SlackMessageRef(string Channel, string Ts);

/// <summary>A Slack user as users.info and users.lookupByEmail describe them; email needs the users:read.email scope.</summary>
public sealed record SlackUser(string Id, string? Email, string? Name);
