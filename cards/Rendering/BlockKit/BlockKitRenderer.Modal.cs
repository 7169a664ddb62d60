using System.Text.Json.Nodes;
using static ExecOps.Cards.Rendering.BlockKit.SlackLimits;

namespace ExecOps.Cards.Rendering.BlockKit;

/// <summary>The modal a form button opens: Slack's counterpart of an Adaptive Card's Action.ShowCard.</summary>
public static partial class BlockKitRenderer
{
    /// <summary>
    /// The <c>view</c> object for views.open. callback_id is the form's action id; each input's block_id
    /// and action_id are both its id, so the submission's state.values[id][id] holds its value.
    /// </summary>
    public static JsonObject Modal(FormButton form, string privateMetadata, string? title = null)
    {
        if (privateMetadata.Length > PrivateMetadata)
            throw new ArgumentException(
                $"Private metadata for form '{form.ActionId}' is {privateMetadata.Length} chars; Slack allows {PrivateMetadata}. Carry ids, not content.",
                nameof(privateMetadata));
        var fit = new SlackLimits();
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = form.ActionId,
            ["private_metadata"] = privateMetadata,
            ["title"] = PlainText(fit.Plain(title ?? form.Title, ModalText)),
            ["submit"] = PlainText(fit.Plain(form.SubmitTitle, ModalText)),
            ["close"] = PlainText("Cancel"),
            ["blocks"] = new JsonArray([.. form.Inputs.Select(input => Input(input, fit))]),
        };
    }

    private static JsonObject Input(CardInput input, SlackLimits fit) => new()
    {
        ["type"] = "input",
        ["block_id"] = input.Id,
        ["label"] = PlainText(fit.Plain(input.Label, InputLabel)),
        ["optional"] = !input.Required,
        ["element"] = input switch
        {
            TextInput text => TextElement(text, fit),
            ChoiceInput choice => SelectElement(choice, fit),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.GetType().Name, "No Block Kit rendering for this input."),
        },
    };

    private static JsonObject TextElement(TextInput input, SlackLimits fit)
    {
        var node = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = input.Id,
            ["multiline"] = input.Multiline,
            ["max_length"] = Math.Clamp(input.MaxLength ?? InputMaxLength, 1, InputMaxLength),
        };
        if (!string.IsNullOrWhiteSpace(input.Placeholder)) node["placeholder"] = PlainText(fit.Plain(input.Placeholder, Placeholder));
        return node;
    }

    /// <summary>Dropping choices would silently narrow what the user may answer, so a select Slack cannot show is refused.</summary>
    private static JsonObject SelectElement(ChoiceInput input, SlackLimits fit)
    {
        if (input.Choices.Count is 0 or > OptionsPerSelect)
            throw new InvalidOperationException($"Choice input '{input.Id}' has {input.Choices.Count} choices; a Slack select needs 1 to {OptionsPerSelect}.");
        return new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = input.Id,
            ["options"] = new JsonArray([.. input.Choices.Select(choice => new JsonObject
            {
                ["text"] = PlainText(fit.Plain(choice.Title, OptionText)),
                ["value"] = fit.Plain(choice.Value, OptionValue),
            })]),
        };
    }
}
