using System.Text.Json.Nodes;

namespace ExecOps.Cards.Rendering.AdaptiveCards;

/// <summary>
/// Renders a <see cref="Card"/> as Adaptive Card 1.5 JSON. Buttons are Action.Execute (Universal
/// Actions), whose verb is the action id, so Teams and the Playground route presses the same way.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>
    /// The view everyone in a shared conversation sees: the card without its buttons, plus a
    /// `refresh` that makes the client fetch the card again for each of <paramref name="actorUserIds"/>
    /// (platform user ids, at most 60), who get it with their buttons. After a change every viewer's
    /// copy is updated to this view, so nobody keeps buttons for a state that has moved on.
    /// </summary>
    public static JsonObject RenderShared(Card card, IReadOnlyList<string> actorUserIds)
    {
        if (card.Refresh is null) return Render(card);
        var shared = Render(card with { Buttons = [] });
        shared["refresh"] = new JsonObject
        {
            ["action"] = Execute("Refresh", card.Refresh.ActionId, card.Refresh.Data, ButtonStyle.Default),
            ["userIds"] = new JsonArray(actorUserIds.Take(MaxRefreshUsers).Select(id => (JsonNode)id).ToArray()),
        };
        return shared;
    }

    /// <summary>Teams refreshes a card automatically for at most this many users.</summary>
    public const int MaxRefreshUsers = 60;

    public static JsonObject Render(Card card)
    {
        var root = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = new JsonArray([Header(card), .. card.Body.Select(Block)]),
        };
        var actions = card.Buttons.Select(Button).ToArray();
        if (actions.Length > 0) root["actions"] = new JsonArray(actions);
        return root;
    }

    private static JsonObject Header(Card card)
    {
        var items = new JsonArray(new JsonObject
        {
            ["type"] = "TextBlock", ["text"] = card.Title, ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true, ["style"] = "heading",
        });
        if (card.Subtitle is { } subtitle)
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = subtitle, ["isSubtle"] = true, ["spacing"] = "None", ["wrap"] = true });
        return new JsonObject { ["type"] = "Container", ["style"] = ContainerStyle(card.Tone), ["bleed"] = true, ["items"] = items };
    }

    private static JsonObject Block(CardBlock block) => block switch
    {
        TextBlock text => Text(text),
        FactsBlock facts => new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray(facts.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value }).ToArray()),
        },
        ListBlock list => new JsonObject { ["type"] = "TextBlock", ["text"] = string.Join("\n", list.Items.Select(i => $"- {i}")), ["wrap"] = true },
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "No Adaptive Card rendering for this block."),
    };

    private static JsonObject Text(TextBlock text)
    {
        var node = new JsonObject { ["type"] = "TextBlock", ["text"] = text.Text, ["wrap"] = true };
        switch (text.Style)
        {
            case TextStyle.Subtle: node["isSubtle"] = true; node["size"] = "Small"; break;
            case TextStyle.Heading: node["weight"] = "Bolder"; node["spacing"] = "Medium"; break;
            case TextStyle.Monospace: node["fontType"] = "Monospace"; break;
        }
        return node;
    }

    private static JsonObject Button(CardButton button) => button switch
    {
        ActionButton action => Execute(action.Title, action.ActionId, action.Data, action.Style),
        FormButton form => new JsonObject
        {
            ["type"] = "Action.ShowCard",
            ["title"] = form.Title,
            ["card"] = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["body"] = new JsonArray(form.Inputs.Select(Input).ToArray()),
                ["actions"] = new JsonArray(Execute(form.SubmitTitle, form.ActionId, form.Data, ButtonStyle.Positive)),
            },
        },
        LinkButton link => new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = link.Title, ["url"] = link.Url },
        _ => throw new ArgumentOutOfRangeException(nameof(button), button.GetType().Name, "No Adaptive Card rendering for this button."),
    };

    private static JsonObject Execute(string title, string verb, IReadOnlyDictionary<string, string> data, ButtonStyle style)
    {
        var node = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = new JsonObject(data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
        };
        if (style != ButtonStyle.Default) node["style"] = style == ButtonStyle.Positive ? "positive" : "destructive";
        return node;
    }

    private static JsonNode Input(CardInput input) => input switch
    {
        TextInput text => WithMaxLength(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = text.Id, ["label"] = text.Label, ["isRequired"] = text.Required,
            ["errorMessage"] = $"{text.Label} is required.", ["isMultiline"] = text.Multiline, ["placeholder"] = text.Placeholder ?? "",
        }, text.MaxLength),
        ChoiceInput choice => new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = choice.Id, ["label"] = choice.Label, ["isRequired"] = choice.Required,
            ["errorMessage"] = $"Choose a {choice.Label.ToLowerInvariant()}.", ["style"] = "compact",
            ["choices"] = new JsonArray(choice.Choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(input), input.GetType().Name, "No Adaptive Card rendering for this input."),
    };

    private static JsonObject WithMaxLength(JsonObject node, int? maxLength)
    {
        if (maxLength is { } max) node["maxLength"] = max;
        return node;
    }

    private static string ContainerStyle(Tone tone) => tone switch
    {
        Tone.Good => "good",
        Tone.Warning => "warning",
        Tone.Attention => "attention",
        Tone.Accent => "accent",
        _ => "emphasis",
    };
}
