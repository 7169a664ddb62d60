namespace ExecOps.Cards.Rendering.PlainText;

/// <summary>A card as plain text: the fallback every platform shows in notifications and to screen readers.</summary>
public static class PlainTextRenderer
{
    public static string Render(Card card)
    {
        var lines = new List<string> { card.Title };
        if (card.Subtitle is { } subtitle) lines.Add(subtitle);
        foreach (var block in card.Body)
        {
            switch (block)
            {
                case TextBlock text: lines.Add(text.Text); break;
                case FactsBlock facts: lines.AddRange(facts.Facts.Select(f => $"{f.Label}: {f.Value}")); break;
                case ListBlock list: lines.AddRange(list.Items.Select(i => $"• {i}")); break;
            }
        }
        var buttons = card.Buttons.OfType<ActionButton>().Select(b => b.Title).Concat(card.Buttons.OfType<FormButton>().Select(b => b.Title)).ToList();
        if (buttons.Count > 0) lines.Add($"Actions: {string.Join(" · ", buttons)}");
        return string.Join("\n", lines);
    }
}
