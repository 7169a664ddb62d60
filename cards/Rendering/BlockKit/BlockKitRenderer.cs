using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using static ExecOps.Cards.Rendering.BlockKit.SlackLimits;

namespace ExecOps.Cards.Rendering.BlockKit;

/// <summary>
/// Renders a <see cref="Card"/> as Slack Block Kit. Everything is fitted to Slack's limits here, so a
/// message is never refused for its size: long texts are cut, surplus content blocks dropped (never
/// buttons), and a "Full view" link offered when the caller has one.
/// </summary>
public static partial class BlockKitRenderer
{
    /// <summary>Marks a button that opens a form: the key is present (value "1") in the button's value JSON.</summary>
    public const string FormMarker = "_form";

    /// <summary>Button values are read back only by us, so relaxed escaping keeps more data within 255 chars.</summary>
    private static readonly JsonSerializerOptions ValueJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Message blocks for chat.postMessage / chat.update / slash-command responses. When anything had
    /// to be cut and <paramref name="fullViewUrl"/> is given, a final context block links to it.
    /// </summary>
    public static JsonArray Blocks(Card card, string? fullViewUrl = null)
    {
        var fit = new SlackLimits();
        var content = Content(card, fit).ToList();
        var buttons = ButtonBlocks(card.Buttons, fit).ToList();
        var linkBlocks = fullViewUrl is null ? 0 : 1;
        if (content.Count + buttons.Count + (fit.AnythingCut ? linkBlocks : 0) > BlocksPerMessage)
        {
            var keep = BlocksPerMessage - buttons.Count - linkBlocks - 1;
            content = [.. content.Take(keep), Context($"…{content.Count - keep} more not shown")];
            fit.NoteCut();
        }
        var blocks = new JsonArray([.. content, .. buttons]);
        if (fit.AnythingCut && fullViewUrl is not null) blocks.Add(Context($"<{LinkTarget(fullViewUrl)}|Full view>"));
        return blocks;
    }

    private static IEnumerable<JsonObject> Content(Card card, SlackLimits fit)
    {
        // Slack refuses empty texts, so blank parts of a card are left out rather than sent.
        if (!string.IsNullOrWhiteSpace(card.Title))
            yield return new JsonObject { ["type"] = "header", ["text"] = PlainText(fit.Plain(TonePrefix(card.Tone) + card.Title, Header), emoji: true) };
        if (!string.IsNullOrWhiteSpace(card.Subtitle)) yield return Context(fit.Mrkdwn(card.Subtitle, SectionText));
        foreach (var rendered in card.Body.SelectMany(block => Body(block, fit))) yield return rendered;
    }

    private static IEnumerable<JsonObject> Body(CardBlock block, SlackLimits fit) => block switch
    {
        TextBlock { Text: var text } when string.IsNullOrWhiteSpace(text) => [],
        TextBlock { Style: TextStyle.Subtle } subtle => [Context(fit.Mrkdwn(subtle.Text, SectionText))],
        TextBlock { Style: TextStyle.Heading } heading => [Section($"*{fit.Mrkdwn(heading.Text, SectionText - 2)}*")],
        TextBlock { Style: TextStyle.Monospace } code => [Section($"```{fit.Mrkdwn(code.Text, SectionText - 6)}```")],
        TextBlock plain => [Section(fit.Mrkdwn(plain.Text, SectionText))],
        FactsBlock facts => facts.Facts.Chunk(FieldsPerSection).Select(chunk => FieldsSection(chunk, fit)),
        ListBlock list => ListSections(list.Items, fit),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "No Block Kit rendering for this block."),
    };

    private static JsonObject FieldsSection(IEnumerable<Fact> facts, SlackLimits fit) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. facts.Select(fact =>
        {
            var label = $"*{fit.Mrkdwn(fact.Label, FieldLabel)}*\n";
            return Mrkdwn(label + fit.Mrkdwn(fact.Value, Field - label.Length));
        })]),
    };

    /// <summary>Packs bullet lines into as few sections as fit, splitting only between lines.</summary>
    private static IEnumerable<JsonObject> ListSections(IReadOnlyList<string> items, SlackLimits fit)
    {
        var section = new StringBuilder();
        foreach (var line in items.Select(item => "• " + fit.Mrkdwn(item, SectionText - 2)))
        {
            if (section.Length > 0 && section.Length + 1 + line.Length > SectionText)
            {
                yield return Section(section.ToString());
                section.Clear();
            }
            if (section.Length > 0) section.Append('\n');
            section.Append(line);
        }
        if (section.Length > 0) yield return Section(section.ToString());
    }

    private static IEnumerable<JsonObject> ButtonBlocks(IReadOnlyList<CardButton> buttons, SlackLimits fit)
    {
        if (buttons.Count == 0) yield break;
        yield return new JsonObject { ["type"] = "divider" };
        foreach (var row in buttons.Select((button, index) => Button(button, index, fit)).Chunk(ElementsPerActions))
            yield return new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(row) };
    }

    private static JsonObject Button(CardButton button, int index, SlackLimits fit)
    {
        var node = new JsonObject { ["type"] = "button", ["text"] = PlainText(fit.Plain(button.Title, ButtonText)) };
        switch (button)
        {
            case ActionButton action:
                node["action_id"] = action.ActionId;
                node["value"] = Value(action.ActionId, action.Data);
                if (action.Style == ButtonStyle.Positive) node["style"] = "primary";
                if (action.Style == ButtonStyle.Destructive)
                {
                    node["style"] = "danger";
                    node["confirm"] = Confirm(action.Title, fit);
                }
                break;
            case FormButton form:
                node["action_id"] = form.ActionId;
                node["value"] = Value(form.ActionId, form.Data.Where(d => d.Key != FormMarker).Append(KeyValuePair.Create(FormMarker, "1")));
                break;
            case LinkButton link:
                // Slack wants an action_id on every button, even one that only opens a URL; the index keeps it unique.
                node["action_id"] = $"link.{index}";
                node["url"] = link.Url;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(button), button.GetType().Name, "No Block Kit rendering for this button.");
        }
        return node;
    }

    private static JsonObject Confirm(string title, SlackLimits fit) => new()
    {
        ["title"] = PlainText("Are you sure?"),
        ["text"] = PlainText(fit.Plain($"{title}?", ConfirmText)),
        ["confirm"] = PlainText(fit.Plain(title, ConfirmButton)),
        ["deny"] = PlainText("Cancel"),
    };

    /// <summary>Cutting would corrupt the data a press carries, so an oversized value is a developer's error.</summary>
    private static string Value(string actionId, IEnumerable<KeyValuePair<string, string>> data)
    {
        var json = new JsonObject(data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))).ToJsonString(ValueJson);
        if (json.Length > ButtonValue)
            throw new InvalidOperationException(
                $"Button '{actionId}' carries {json.Length} chars of data as JSON; Slack allows {ButtonValue}. Carry an id and load the rest.");
        return json;
    }

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Context(string mrkdwn) => new() { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(mrkdwn)) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text, bool emoji = false)
    {
        var node = new JsonObject { ["type"] = "plain_text", ["text"] = text };
        if (emoji) node["emoji"] = true;
        return node;
    }

    /// <summary>A URL inside &lt;…|…&gt; would end at its first '|' or '>', so those are encoded rather than trusted.</summary>
    private static string LinkTarget(string url) => Escape(url).Replace("|", "%7C");

    private static string TonePrefix(Tone tone) => tone switch
    {
        Tone.Attention => "🔴 ",
        Tone.Warning => "🟠 ",
        Tone.Good => "🟢 ",
        Tone.Accent => "🔵 ",
        _ => "",
    };
}
