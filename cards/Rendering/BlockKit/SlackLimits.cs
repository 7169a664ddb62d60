using System.Text;

namespace ExecOps.Cards.Rendering.BlockKit;

/// <summary>
/// Slack's Block Kit limits, and texts fitted to them. Slack refuses a whole message for one oversized
/// field, so every text is cut to its limit ending in "…", and the cut is remembered so the message
/// can offer a link to the full view.
/// </summary>
internal sealed class SlackLimits
{
    public const int BlocksPerMessage = 50;
    public const int FieldsPerSection = 10;
    public const int ElementsPerActions = 25;
    public const int SectionText = 3000;
    public const int Field = 2000;
    public const int Header = 150;
    public const int ButtonText = 75;
    public const int ButtonValue = 255;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int ModalText = 24;
    public const int PrivateMetadata = 3000;
    public const int InputLabel = 2000;
    public const int InputMaxLength = 3000;
    public const int Placeholder = 150;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int OptionsPerSelect = 100;

    /// <summary>A fact's label is a name, not prose: capping it leaves the rest of the field to the value.</summary>
    public const int FieldLabel = 150;

    private const char Ellipsis = '…';

    public bool AnythingCut { get; private set; }

    /// <summary>Plain text is shown as typed, so it is only cut, never escaped.</summary>
    public string Plain(string text, int limit) => Fit(text, limit, static piece => piece);

    public string Mrkdwn(string text, int limit) => Fit(text, limit, Escape);

    /// <summary>Records a cut made elsewhere, such as blocks dropped for the per-message limit.</summary>
    public void NoteCut() => AnythingCut = true;

    /// <summary>Slack decodes only these three entities, so escaping anything else would show literally.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Cuts the source text one character or surrogate pair at a time, so the limit holds for the
    /// escaped text without leaving half an entity or half an emoji before the ellipsis.
    /// </summary>
    private string Fit(string text, int limit, Func<string, string> render)
    {
        var whole = render(text);
        if (whole.Length <= limit) return whole;
        AnythingCut = true;
        var kept = new StringBuilder(limit);
        for (var i = 0; i < text.Length;)
        {
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            var piece = render(text.Substring(i, width));
            if (kept.Length + piece.Length + 1 > limit) break;
            kept.Append(piece);
            i += width;
        }
        return kept.Append(Ellipsis).ToString();
    }
}
