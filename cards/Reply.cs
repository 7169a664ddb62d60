namespace ExecOps.Cards;

/// <summary>Ephemeral replies are seen by the person who asked only; channel replies by everyone there.</summary>
public enum ReplyVisibility { Ephemeral, Channel }

/// <summary>What the bot answers: text that always reads on its own, and a card where one helps.</summary>
public sealed record Reply(ReplyVisibility Visibility, string Text, Card? Card = null)
{
    public static Reply Private(string text) => new(ReplyVisibility.Ephemeral, text);

    public static Reply Private(Card card) => new(ReplyVisibility.Ephemeral, Rendering.PlainText.PlainTextRenderer.Render(card), card);

    public static Reply ToChannel(Card card) => new(ReplyVisibility.Channel, Rendering.PlainText.PlainTextRenderer.Render(card), card);
}
