namespace ExecOps.Workflows.Spend;

/// <summary>One service or team among a week's top movers: what it spent that week and the week before.</summary>
public sealed record SpendMoverRow(string Dimension, string Name, decimal Now, decimal Before)
{
    public string Id => $"{Dimension}:{Name}";
    public decimal Change => Now - Before;

    /// <summary>The change as a share of the week before; none for spend that is new this week.</summary>
    public decimal? Percent => Before == 0 ? null : Change / Before * 100;
}

/// <summary>Why a mover moved, as its owner said or as the bot linked it to a change: the words, the change, who and when.</summary>
public sealed record SpendExplanation(string Text, string? Change, string By, DateTimeOffset At, bool Automatic = false);

/// <summary>A mover over the threshold, the question put to its owner, and where it stands. Stored inside its week's review.</summary>
public sealed class SpendMover : Kernel.IPrompt
{
    public SpendMoverRow Row { get; set; } = new("service", "", 0, 0);

    /// <summary>Who answers for the mover: the service's owner, else its team's, else the FinOps lead.</summary>
    public string Owner { get; set; } = "";

    /// <summary>Who is being asked now: the owner, then the backup.</summary>
    public string AskedOf { get; set; } = "";
    public Kernel.PromptState State { get; set; } = Kernel.PromptState.Asked;
    public DateTimeOffset AskedAt { get; set; }
    public SpendExplanation? Explanation { get; set; }
}
