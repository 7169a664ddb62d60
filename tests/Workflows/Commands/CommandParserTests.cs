using ExecOps.Workflows.Commands;

namespace ExecOps.Tests.Workflows.Commands;

public sealed class CommandParserTests
{
    [Fact]
    public void Words_quoted_strings_options_and_mentions_are_told_apart()
    {
        var line = CommandParser.Parse("/incident declare sev1 \"Checkout 5xx\" service:payments impact:\"EU card payments failing\" @bob");

        line.Name.Should().Be("incident");
        line.Verb.Should().Be("declare");
        line.Words.Should().Equal("declare", "sev1", "Checkout 5xx");
        line.Options.Should().Contain("service", "payments").And.Contain("impact", "EU card payments failing");
        line.Mentions.Should().Equal("bob");
    }

    [Fact]
    public void The_slash_is_optional_so_Teams_messages_parse_the_same()
    {
        CommandParser.Parse("incident list").Should().BeEquivalentTo(CommandParser.Parse("/incident list"), o => o.Excluding(l => l.Text));
    }

    [Fact]
    public void Curly_quotes_typed_by_chat_clients_count_as_quotes()
    {
        CommandParser.Parse("/incident update \u201CDB failover done\u201D").Words.Should().Equal("update", "DB failover done");
    }

    [Fact]
    public void An_escaped_quote_stays_inside_the_string()
    {
        CommandParser.Parse("/incident update \"said \\\"hi\\\"\"").Words[1].Should().Be("said \"hi\"");
    }

    [Fact]
    public void Urls_are_words_not_options()
    {
        var line = CommandParser.Parse("/incident update https://status.example.com/x");

        line.Words.Should().Equal("update", "https://status.example.com/x");
        line.Options.Should().BeEmpty();
    }

    [Fact]
    public void Option_keys_ignore_case()
    {
        CommandParser.Parse("/incident declare sev2 x Service:api").Option("service").Should().Be("api");
    }

    [Fact]
    public void A_quoted_at_sign_is_text_not_a_mention()
    {
        var line = CommandParser.Parse("/incident update \"@here is fine\"");

        line.Mentions.Should().BeEmpty();
        line.Words.Should().Contain("@here is fine");
    }

    [Fact]
    public void Asking_for_help_is_recognised_after_any_verb()
    {
        CommandParser.Parse("/incident declare help").AsksForHelp.Should().BeTrue();
        CommandParser.Parse("/incident help").AsksForHelp.Should().BeTrue();
        CommandParser.Parse("/incident list").AsksForHelp.Should().BeFalse();
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("/incident update \"never closed", "never closed")]
    [InlineData("/incident declare sev1 x service:a service:b", "given twice")]
    [InlineData("/incident declare sev1 x service:", "has no value")]
    [InlineData("\"quoted\" command", "not a command name")]
    [InlineData("/Déclare x", "not a command name")]
    public void Bad_input_is_refused_with_a_message_that_says_what_was_wrong(string text, string message)
    {
        var parse = () => CommandParser.Parse(text);

        parse.Should().Throw<CommandSyntaxException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Overlong_input_is_refused_before_it_is_tokenised()
    {
        var parse = () => CommandParser.Parse("/incident update " + new string('x', CommandParser.MaxLength));

        parse.Should().Throw<CommandSyntaxException>().WithMessage("*limit*");
    }

    [Fact]
    public void The_lines_after_the_command_are_its_body_as_typed()
    {
        var line = CommandParser.Parse("/decision import\nid: DEC-2025-09-14-01\ntitle: \"EXPAND — X\"");

        line.Verb.Should().Be("import");
        line.Options.Should().BeEmpty("nothing in the body is read as an option");
        line.Body.Should().Be("id: DEC-2025-09-14-01\ntitle: \"EXPAND — X\"");
    }

    [Fact]
    public void A_quoted_text_may_span_lines_and_is_no_body()
    {
        var line = CommandParser.Parse("/incident update \"Failing over.\nNext update at 10:00\"");

        line.Arguments.Should().Equal("Failing over.\nNext update at 10:00");
        line.Body.Should().BeNull();
    }
}
