namespace ExecOps.Bot.Scoreboard;

/// <summary>Section `ScoreboardPage`: where the Executive Scoreboard page is reached, and how long its sign-in lasts.</summary>
public sealed class ScoreboardPageSettings
{
    /// <summary>The bot's address as people's browsers reach it; links in cards start with it. Empty: the address the bot listens on.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How long a link from a card may be opened (seed: 15 minutes).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the browser stays signed in after opening a link.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
