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
}

public abstract record CardBlock;

public enum TextStyle { Normal, Subtle, Heading, Monospace }

public sealed record TextBlock(string Text, TextStyle Style = TextStyle.Normal) : CardBlock;

public sealed record Fact(string Label, string Value);

public sealed record FactsBlock(IReadOnlyList<Fact> Facts) : CardBlock;

public sealed record ListBlock(IReadOnlyList<string> Items) : CardBlock;
