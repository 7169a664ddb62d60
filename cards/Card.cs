namespace ExecOps.Cards;

/// <summary>How a card is coloured: what its reader should feel before reading it.</summary>
public enum Tone { Default, Good, Warning, Attention, Accent }

/// <summary>
/// A card as the domain means it, before any platform's markup: a title, blocks of content and
/// buttons. Built once, rendered per platform by pure functions.
/// </summary>
public sealed record Card(string Title, IReadOnlyList<CardBlock> Body, IReadOnlyList<CardButton> Buttons)
{
    public string? Subtitle { get; init; }
    public Tone Tone { get; init; } = Tone.Default;

    /// <summary>How to fetch this card as it is now, for platforms that refresh cards per viewer.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>Directory ids of the people whose buttons these are; others see the card read-only where the platform allows.</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];
}

/// <summary>The action that answers with the current card, and the data it needs.</summary>
public sealed record CardRefresh(string ActionId, IReadOnlyDictionary<string, string> Data);

public abstract record CardBlock;

public enum TextStyle { Normal, Subtle, Heading, Monospace }

public sealed record TextBlock(string Text, TextStyle Style = TextStyle.Normal) : CardBlock;

public sealed record Fact(string Label, string Value);

public sealed record FactsBlock(IReadOnlyList<Fact> Facts) : CardBlock;

public sealed record ListBlock(IReadOnlyList<string> Items) : CardBlock;
