namespace ExecOps.Bot.Settings;

/// <summary>Section `Playground`: the browser channel at `/` for trying the bot without a workspace.</summary>
public sealed class PlaygroundSettings
{
    public bool Enabled { get; set; } = true;
}
