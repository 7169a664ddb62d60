using System.Text.Json;

namespace ExecOps.Tests.Support;

/// <summary>
/// Validates JSON documents against the official schemas in shared/external/schemas.
/// No JSON Schema validator for .NET restores here, so this runs ajv through
/// tests/schema/validate.mjs, one node process per batch of documents.
/// </summary>
public static class JsonSchemaValidator
{
    private static readonly TimeSpan ValidationTimeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> RepoRoot = new(() => SharedExternal.RepoRoot);
    private static readonly Lazy<string> ScriptFolder = new(() => NpmPackages.InstalledIn(Path.Combine(RepoRoot.Value, "tests", "schema")));

    public static string SchemasFolder =>
        Path.GetFullPath(Path.Combine(RepoRoot.Value, "tests", "external", "schemas"));

    /// <param name="schemaPath">Relative to <see cref="SchemasFolder"/>, e.g. "adaptive-card-1.5.0.schema.json",
    /// "MicrosoftTeams.schema.v1.29.json" or "slack-manifest/manifest.schema.json".</param>
    public static SchemaResult Validate(string schemaPath, string jsonDocument) =>
        Validate(schemaPath, [jsonDocument])[0];

    /// <returns>One result per document, in input order.</returns>
    public static IReadOnlyList<SchemaResult> Validate(string schemaPath, IReadOnlyList<string> jsonDocuments)
    {
        var schemaFile = Path.Combine(SchemasFolder, schemaPath);
        if (!File.Exists(schemaFile))
        {
            throw new FileNotFoundException($"Schema not found: {schemaFile}", schemaFile);
        }

        var (exitCode, stdout, stderr) = ChildProcess.Run(
            "node",
            ["validate.mjs", schemaFile],
            ScriptFolder.Value,
            ToJsonArray(jsonDocuments),
            ValidationTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"validate.mjs failed (exit {exitCode}) for schema {schemaFile}:\n{stderr}");
        }

        var results = ParseResults(stdout);
        if (results.Count != jsonDocuments.Count)
        {
            throw new InvalidOperationException(
                $"validate.mjs returned {results.Count} results for {jsonDocuments.Count} documents:\n{stdout}");
        }

        return results;
    }

    // Each document is parsed here so a malformed one is blamed by index instead of
    // surfacing as a parse error of the whole batch inside node.
    private static byte[] ToJsonArray(IReadOnlyList<string> jsonDocuments)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < jsonDocuments.Count; i++)
            {
                try
                {
                    using var document = JsonDocument.Parse(jsonDocuments[i]);
                    document.WriteTo(writer);
                }
                catch (JsonException ex)
                {
                    throw new ArgumentException($"Document {i} is not valid JSON: {ex.Message}", nameof(jsonDocuments), ex);
                }
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static List<SchemaResult> ParseResults(string stdout)
    {
        using var output = JsonDocument.Parse(stdout);
        return output.RootElement.GetProperty("results").EnumerateArray()
            .Select(result => new SchemaResult(
                result.GetProperty("valid").GetBoolean(),
                result.GetProperty("errors").EnumerateArray().Select(error => error.GetString()!).ToList()))
            .ToList();
    }
}

public sealed record SchemaResult(bool IsValid, IReadOnlyList<string> Errors);
