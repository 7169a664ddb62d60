using System.Text.Json;
using System.Text.Json.Nodes;
using ExecOps.Cards;
using ExecOps.Cards.Rendering.BlockKit;

namespace ExecOps.Tests.Cards;

/// <summary>The Slack rendering of cards: pinned for two representative cards, and every Slack limit respected by design.</summary>
public sealed class BlockKitRendererTests
{
    private static readonly IReadOnlyDictionary<string, string> Reference = new Dictionary<string, string> { ["incident"] = "INC-7", ["version"] = "3" };

    private static readonly FormButton UpdateForm = new("Post update", "incident.update", Reference,
    [
        new TextInput("text", "Status update", Placeholder: "What we know, what we are doing, what is next", Multiline: true, MaxLength: 2000),
        new ChoiceInput("audience", "Audience", [new Choice("Responders only", "responders"), new Choice("Everyone <incl. execs>", "all")], Required: false),
    ], "Post");

    private static Card SampleIncidentCard() => new("INC-7 · Sev1 · Checkout 5xx & <EU>",
    [
        new FactsBlock([new("State", "Investigating"), new("Severity", "Sev1"), new("Commander", "Alice Chen"), new("Impact", "2% of EU checkouts fail & retry <5s>")]),
        new TextBlock("Latest update (10:42 UTC): rolled back `payments-api` to *v41*"),
        new TextBlock("Timeline", TextStyle.Heading),
        new ListBlock(["10:05 alerts fired", "10:12 rollback of `payments-api` started"]),
        new TextBlock("HTTP 503 upstream_timeout", TextStyle.Monospace),
        new TextBlock("Next update due 11:00 UTC", TextStyle.Subtle),
    ],
    [
        new ActionButton("Mitigated", "incident.mitigate", Reference),
        new ActionButton("Resolve", "incident.resolve", Reference, ButtonStyle.Positive),
        new ActionButton("Cancel incident", "incident.cancel", Reference, ButtonStyle.Destructive),
        UpdateForm,
        new LinkButton("Runbook", "https://runbooks.example.com/payments?region=eu&step=1"),
    ]) { Subtitle = "Investigating · IC Alice Chen", Tone = Tone.Attention };

    private static Card CardOf(params CardBlock[] body) => new("Report", body, []);

    private static Card WithButtons(IReadOnlyList<CardBlock> body, int buttons) =>
        new("Report", body, [.. Enumerable.Range(0, buttons).Select(i => new ActionButton($"Step {i}", $"step.{i}", Reference))]);

    private static List<CardBlock> Texts(int count) => [.. Enumerable.Range(0, count).Select(i => new TextBlock($"Line {i}"))];

    private static string Text(JsonNode? block) => (string)(block!["text"]?["text"] ?? block["elements"]![0]!["text"])!;

    private static string KindOf(JsonNode? block) => (string)block!["type"]!;

    private static void ShouldMatchPinned(JsonNode rendered, string file)
    {
        var pinned = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cards", file)));
        JsonNode.DeepEquals(rendered, pinned).Should().BeTrue($"the rendering changed; if on purpose, update {file} with:\n{rendered}");
    }

    [Fact]
    public void An_incident_card_renders_as_pinned() => ShouldMatchPinned(BlockKitRenderer.Blocks(SampleIncidentCard()), "blockkit-incident-card.json");

    [Fact]
    public void A_form_opens_the_pinned_modal() => ShouldMatchPinned(BlockKitRenderer.Modal(UpdateForm, "{\"channel\":\"C42\"}"), "blockkit-update-modal.json");

    [Theory]
    [InlineData(Tone.Attention, "🔴 Report")]
    [InlineData(Tone.Warning, "🟠 Report")]
    [InlineData(Tone.Good, "🟢 Report")]
    [InlineData(Tone.Accent, "🔵 Report")]
    [InlineData(Tone.Default, "Report")]
    public void The_title_is_a_header_led_by_its_tone_emoji(Tone tone, string header)
    {
        var blocks = BlockKitRenderer.Blocks(CardOf() with { Tone = tone });

        KindOf(blocks[0]).Should().Be("header");
        Text(blocks[0]).Should().Be(header);
    }

    [Fact]
    public void Facts_become_section_fields_ten_at_a_time()
    {
        var facts = Enumerable.Range(1, 23).Select(i => new Fact($"Label {i}", $"Value {i}")).ToList();

        var sections = BlockKitRenderer.Blocks(CardOf(new FactsBlock(facts))).Skip(1).ToList();

        sections.Select(s => s!["fields"]!.AsArray().Count).Should().Equal(10, 10, 3);
        sections[2]!["fields"]![2]!["text"]!.GetValue<string>().Should().Be("*Label 23*\nValue 23");
    }

    [Fact]
    public void Mrkdwn_escapes_ampersand_and_angle_brackets_but_plain_text_and_markup_are_left_alone()
    {
        var card = new Card("A & B <c>", [new TextBlock("`x` *y* & <z>"), new ListBlock(["<1> & 2"])], [new ActionButton("Q & <A>", "qa", Reference)]);

        var blocks = BlockKitRenderer.Blocks(card);

        Text(blocks[0]).Should().Be("A & B <c>");
        Text(blocks[1]).Should().Be("`x` *y* &amp; &lt;z&gt;");
        Text(blocks[2]).Should().Be("• &lt;1&gt; &amp; 2");
        blocks[4]!["elements"]![0]!["text"]!["text"]!.GetValue<string>().Should().Be("Q & <A>");
    }

    [Fact]
    public void More_than_fifty_blocks_keep_48_content_blocks_then_a_notice_and_the_full_view_link()
    {
        var blocks = BlockKitRenderer.Blocks(CardOf([.. Texts(60)]), "https://bot.example/cards/1");

        blocks.Should().HaveCount(50);
        Text(blocks[47]).Should().Be("Line 46");
        Text(blocks[48]).Should().Be("…13 more not shown");
        Text(blocks[49]).Should().Be("<https://bot.example/cards/1|Full view>");
    }

    [Fact]
    public void An_overflowing_card_drops_content_but_keeps_every_button()
    {
        var blocks = BlockKitRenderer.Blocks(WithButtons(Texts(60), 30));

        blocks.Should().HaveCount(50);
        blocks.Where(b => KindOf(b) == "actions").Select(b => b!["elements"]!.AsArray().Count).Should().Equal(25, 5);
        Text(blocks[46]).Should().Be("…15 more not shown");
        KindOf(blocks[47]).Should().Be("divider");
    }

    [Fact]
    public void A_cut_card_that_fills_fifty_blocks_makes_room_for_the_full_view_link()
    {
        var blocks = BlockKitRenderer.Blocks(CardOf([new TextBlock(new string('a', 3100)), .. Texts(48)]), "https://bot.example/cards/1");

        blocks.Should().HaveCount(50);
        Text(blocks[48]).Should().Be("…2 more not shown");
        Text(blocks[49]).Should().Be("<https://bot.example/cards/1|Full view>");
    }

    [Fact]
    public void A_card_of_exactly_fifty_blocks_is_sent_whole()
    {
        var blocks = BlockKitRenderer.Blocks(CardOf([.. Texts(49)]), "https://bot.example/cards/1");

        blocks.Should().HaveCount(50);
        Text(blocks[49]).Should().Be("Line 48");
    }

    [Theory]
    [InlineData(TextStyle.Normal, "", "")]
    [InlineData(TextStyle.Heading, "*", "*")]
    [InlineData(TextStyle.Monospace, "```", "```")]
    [InlineData(TextStyle.Subtle, "", "")]
    public void Texts_are_cut_at_3000_chars_ending_in_an_ellipsis(TextStyle style, string open, string close)
    {
        var text = Text(BlockKitRenderer.Blocks(CardOf(new TextBlock(new string('a', 3100), style)))[1]);

        text.Should().HaveLength(3000).And.StartWith(open + "aaa").And.EndWith("…" + close);
    }

    [Fact]
    public void Fields_are_cut_at_2000_chars_keeping_their_label()
    {
        var field = BlockKitRenderer.Blocks(CardOf(new FactsBlock([new Fact("Impact", new string('x', 2500))])))[1]!["fields"]![0]!["text"]!.GetValue<string>();

        field.Should().HaveLength(2000).And.StartWith("*Impact*\nxxx").And.EndWith("x…");
    }

    [Fact]
    public void Headers_are_cut_at_150_chars_and_button_texts_at_75()
    {
        var card = new Card(new string('t', 200), [], [new ActionButton(new string('b', 100), "long", Reference)]) { Tone = Tone.Attention };

        var blocks = BlockKitRenderer.Blocks(card);

        Text(blocks[0]).Should().HaveLength(150).And.StartWith("🔴 ttt").And.EndWith("t…");
        blocks[2]!["elements"]![0]!["text"]!["text"]!.GetValue<string>().Should().HaveLength(75).And.EndWith("b…");
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair_or_an_escaped_entity()
    {
        var emoji = Text(BlockKitRenderer.Blocks(CardOf(new TextBlock(string.Concat(Enumerable.Repeat("😀", 2000)))))[1]);
        var ampersands = Text(BlockKitRenderer.Blocks(CardOf(new TextBlock(new string('&', 1000))))[1]);

        emoji.Should().HaveLength(2999).And.EndWith("😀…");
        ampersands.Should().HaveLength(2996).And.EndWith("&amp;…");
        ampersands.TrimEnd('…').Replace("&amp;", "").Should().BeEmpty();
    }

    [Fact]
    public void A_long_list_splits_across_sections_at_line_boundaries()
    {
        var items = Enumerable.Range(0, 100).Select(i => $"item {i:000} " + new string('-', 50)).ToList();

        var sections = BlockKitRenderer.Blocks(CardOf(new ListBlock(items))).Skip(1).Select(Text).ToList();

        sections.Should().HaveCountGreaterThan(1).And.OnlyContain(s => s.Length <= 3000 && s.StartsWith("• item"));
        string.Join("\n", sections).Should().Be(string.Join("\n", items.Select(i => "• " + i)));
    }

    [Fact]
    public void A_single_over_long_list_line_is_cut()
    {
        var sections = BlockKitRenderer.Blocks(CardOf(new ListBlock(["short", new string('z', 4000), "after"]))).Skip(1).Select(Text).ToList();

        sections.Should().Equal("• short", "• " + new string('z', 2997) + "…", "• after");
    }

    [Fact]
    public void A_button_value_round_trips_to_its_data()
    {
        var data = new Dictionary<string, string> { ["incident"] = "INC-7", ["note"] = "café <ü> & \"q\"" };

        var value = BlockKitRenderer.Blocks(new Card("T", [], [new ActionButton("Go", "go", data)]))[2]!["elements"]![0]!["value"]!.GetValue<string>();

        JsonSerializer.Deserialize<Dictionary<string, string>>(value).Should().Equal(data);
    }

    [Fact]
    public void A_form_button_value_carries_its_data_and_the_form_marker()
    {
        var button = BlockKitRenderer.Blocks(new Card("T", [], [UpdateForm]))[2]!["elements"]![0]!;

        button["action_id"]!.GetValue<string>().Should().Be("incident.update");
        JsonSerializer.Deserialize<Dictionary<string, string>>(button["value"]!.GetValue<string>())
            .Should().Equal(new Dictionary<string, string>(Reference) { [BlockKitRenderer.FormMarker] = "1" });
    }

    [Fact]
    public void Button_data_over_255_chars_as_json_is_refused_naming_the_action()
    {
        var card = new Card("T", [], [new ActionButton("Go", "incident.too-big", new Dictionary<string, string> { ["blob"] = new string('d', 250) })]);

        FluentActions.Invoking(() => BlockKitRenderer.Blocks(card)).Should().Throw<InvalidOperationException>().WithMessage("*incident.too-big*255*");
    }

    [Fact]
    public void Private_metadata_over_3000_chars_is_refused()
    {
        BlockKitRenderer.Modal(UpdateForm, new string('m', 3000)).Should().NotBeNull();
        FluentActions.Invoking(() => BlockKitRenderer.Modal(UpdateForm, new string('m', 3001)))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "privateMetadata" && e.Message.Contains("incident.update"));
    }

    [Fact]
    public void A_cut_card_links_to_the_full_view_only_when_given_a_url()
    {
        var cut = CardOf(new TextBlock(new string('a', 3100)));

        Text(BlockKitRenderer.Blocks(cut, "https://bot.example/cards?id=7&fields=a|b").Last()).Should().Be("<https://bot.example/cards?id=7&amp;fields=a%7Cb|Full view>");
        BlockKitRenderer.Blocks(cut).Should().HaveCount(2);
        BlockKitRenderer.Blocks(CardOf(new TextBlock("short")), "https://bot.example/cards/7").Should().HaveCount(2);
    }

    [Fact]
    public void Modal_title_and_submit_are_cut_at_24_chars()
    {
        var modal = BlockKitRenderer.Modal(UpdateForm with { SubmitTitle = "Post this update to the channel now" }, "", "Post an update to INC-7 for everyone");

        modal["title"]!["text"]!.GetValue<string>().Should().Be("Post an update to INC-7…");
        modal["submit"]!["text"]!.GetValue<string>().Should().Be("Post this update to the…");
    }

    [Fact]
    public void Text_inputs_default_to_3000_chars_and_never_allow_more()
    {
        var form = UpdateForm with { Inputs = [new TextInput("a", "A"), new TextInput("b", "B", MaxLength: 10_000)] };

        var elements = BlockKitRenderer.Modal(form, "")["blocks"]!.AsArray().Select(b => b!["element"]!).ToList();

        elements.Select(e => e["max_length"]!.GetValue<int>()).Should().Equal(3000, 3000);
        elements.Select(e => e["action_id"]!.GetValue<string>()).Should().Equal("a", "b");
    }

    [Fact]
    public void A_choice_input_Slack_cannot_show_is_refused_naming_the_input()
    {
        var form = UpdateForm with { Inputs = [new ChoiceInput("region", "Region", [])] };

        FluentActions.Invoking(() => BlockKitRenderer.Modal(form, "")).Should().Throw<InvalidOperationException>().WithMessage("*region*");
    }

    [Fact]
    public void Only_block_kinds_Slack_accepts_are_used()
    {
        string[] allowed = ["header", "section", "context", "divider", "actions", "input"];
        var rendered = BlockKitRenderer.Blocks(SampleIncidentCard(), "https://bot.example/cards/7")
            .Concat(BlockKitRenderer.Blocks(WithButtons(Texts(60), 30), "https://bot.example/cards/7"))
            .Concat(BlockKitRenderer.Modal(UpdateForm, "")["blocks"]!.AsArray());

        rendered.Select(KindOf).Should().OnlyContain(type => allowed.Contains(type));
    }
}
