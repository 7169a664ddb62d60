namespace ExecOps.Bot.Settings;

/// <summary>The platform names under which a person's chat handles are kept in the directory.</summary>
public static class Platforms
{
    public const string Slack = "slack";
    public const string Teams = "teams";
}
