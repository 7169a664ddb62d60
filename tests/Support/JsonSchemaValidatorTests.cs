using System.Text.Json.Nodes;

namespace ExecOps.Tests.Support;

public class JsonSchemaValidatorTests
{
    private const string AdaptiveCard15 = "adaptive-card-1.5.0.schema.json";
    private const string AdaptiveCard16 = "adaptive-card-1.6.0.schema.json";
    private const string SlackManifest = "slack-manifest/manifest.schema.json";
    private const string TeamsManifest = "MicrosoftTeams.schema.v1.29.json";

    private static readonly string External = Path.GetDirectoryName(JsonSchemaValidator.SchemasFolder)!;

    private static string ExternalFile(params string[] parts) =>
        File.ReadAllText(Path.Combine([External, .. parts]));

    private static string[] SampleCardFiles() =>
        Directory.GetFiles(Path.Combine(External, "teams", "cards"), "*.json").Order().ToArray();

    private static string SampleCard() => ExternalFile("teams", "cards", "Action.Execute.Mode.v1.5.json");

    [Theory]
    [InlineData(AdaptiveCard15)]
    [InlineData(AdaptiveCard16)]
    public void The_sample_cards_from_the_Adaptive_Cards_repo_are_valid_cards(string schema)
    {
        var files = SampleCardFiles();

        var results = JsonSchemaValidator.Validate(schema, files.Select(File.ReadAllText).ToList());

        files.Should().NotBeEmpty();
        files.Zip(results).Should().AllSatisfy(pair =>
            pair.Second.IsValid.Should().BeTrue($"{Path.GetFileName(pair.First)} is an official sample, yet: {string.Join("; ", pair.Second.Errors)}"));
    }

    [Fact]
    public void A_card_whose_element_has_an_unknown_type_is_invalid_and_the_error_names_that_element()
    {
        var card = JsonNode.Parse(SampleCard())!;
        card["body"]![1]!["type"] = "FactList";

        var result = JsonSchemaValidator.Validate(AdaptiveCard15, card.ToJsonString());

        result.IsValid.Should().BeFalse();
        result.Errors.Should().Contain(error => error.StartsWith("/body/1/type "));
    }

    [Fact]
    public void A_card_whose_TextBlock_has_no_text_is_invalid_and_the_error_names_that_TextBlock()
    {
        var card = JsonNode.Parse(SampleCard())!;
        card["body"]![0]!.AsObject().Remove("text");

        var result = JsonSchemaValidator.Validate(AdaptiveCard15, card.ToJsonString());

        result.IsValid.Should().BeFalse();
        result.Errors.Should().Contain("/body/0 must have required property 'text'");
    }

    [Fact]
    public void The_valid_Slack_example_manifest_passes_the_dispatcher_schema()
    {
        var result = JsonSchemaValidator.Validate(SlackManifest, ExternalFile("slack", "manifests", "manifest.v1.valid.json"));

        result.IsValid.Should().BeTrue(string.Join("; ", result.Errors));
    }

    [Fact]
    public void The_invalid_Slack_example_manifest_fails_the_dispatcher_schema_naming_its_unknown_setting()
    {
        var result = JsonSchemaValidator.Validate(SlackManifest, ExternalFile("slack", "manifests", "manifest.v1.invalid.json"));

        result.IsValid.Should().BeFalse();
        result.Errors.Should().Contain("/settings must NOT have additional properties 'bad_param'");
    }

    [Fact]
    public void A_batch_gets_one_result_per_document_in_input_order()
    {
        var valid = ExternalFile("slack", "manifests", "manifest.v1.valid.json");
        var invalid = ExternalFile("slack", "manifests", "manifest.v1.invalid.json");

        var results = JsonSchemaValidator.Validate(SlackManifest, [invalid, valid, invalid]);

        results.Select(result => result.IsValid).Should().Equal(false, true, false);
    }

    [Fact]
    public void A_Teams_manifest_lacking_required_fields_fails_the_Teams_schema()
    {
        const string manifest = """
            {
              "$schema": "https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json",
              "manifestVersion": "1.29",
              "version": "1.0.0",
              "id": "8b9a4c3e-2f1d-4e6b-9a7c-5d3e2f1a0b9c",
              "name": { "short": "ExecOps" }
            }
            """;

        var result = JsonSchemaValidator.Validate(TeamsManifest, manifest);

        result.IsValid.Should().BeFalse();
        result.Errors.Should().Contain([
            "/ must have required property 'developer'",
            "/ must have required property 'description'",
            "/ must have required property 'icons'",
            "/ must have required property 'accentColor'",
        ]);
    }

    // Without a passing case, a schema that rejects everything would make the failing case pass.
    [Fact]
    public void A_Teams_manifest_with_every_required_field_passes_the_Teams_schema()
    {
        const string manifest = """
            {
              "$schema": "https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json",
              "manifestVersion": "1.29",
              "version": "1.0.0",
              "id": "8b9a4c3e-2f1d-4e6b-9a7c-5d3e2f1a0b9c",
              "developer": {
                "name": "ExecOps",
                "websiteUrl": "https://example.com",
                "privacyUrl": "https://example.com/privacy",
                "termsOfUseUrl": "https://example.com/terms"
              },
              "name": { "short": "ExecOps" },
              "description": { "short": "Chat-ops bot", "full": "Runs operational workflows from chat." },
              "icons": { "outline": "outline.png", "color": "color.png" },
              "accentColor": "#4464EE"
            }
            """;

        var result = JsonSchemaValidator.Validate(TeamsManifest, manifest);

        result.IsValid.Should().BeTrue(string.Join("; ", result.Errors));
    }

    [Fact]
    public void A_document_that_is_not_JSON_is_refused_before_validation()
    {
        var validate = () => JsonSchemaValidator.Validate(AdaptiveCard15, ["{}", "{ not json"]);

        validate.Should().Throw<ArgumentException>().WithMessage("Document 1 is not valid JSON*");
    }

    [Fact]
    public void A_schema_that_does_not_exist_is_reported_with_its_path()
    {
        var validate = () => JsonSchemaValidator.Validate("no-such.schema.json", "{}");

        validate.Should().Throw<FileNotFoundException>().WithMessage("*no-such.schema.json*");
    }
}
