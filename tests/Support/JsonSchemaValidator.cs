using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
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
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private static readonly Lazy<string> RepoRoot = new(FindRepoRoot);
    private static readonly Lazy<string> ScriptFolder = new(InstallScriptDependencies);

    public static string SchemasFolder =>
        Path.GetFullPath(Path.Combine(RepoRoot.Value, "..", "shared", "external", "schemas"));

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

        var (exitCode, stdout, stderr) = Run(
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

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExecOps.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No ExecOps.Bot.sln in {AppContext.BaseDirectory} or any folder above it.");
    }

    private static string InstallScriptDependencies()
    {
        var folder = Path.Combine(RepoRoot.Value, "tests", "schema");
        if (InstallIsCurrent(folder))
        {
            return folder;
        }

        // The Lazy keeps tests in this process to one install; the lock file does the
        // same across processes (e.g. several test projects run at once), since two
        // `npm ci` runs would delete each other's node_modules.
        using (AcquireInstallLock(folder))
        {
            if (!InstallIsCurrent(folder))
            {
                var (exitCode, stdout, stderr) = Run(
                    "npm", ["ci", "--no-audit", "--no-fund"], folder, input: [], InstallTimeout);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException(
                        $"npm ci failed (exit {exitCode}) in {folder}:\n{stdout}\n{stderr}");
                }
            }
        }

        return folder;
    }

    // npm writes node_modules/.package-lock.json last, so its presence means a finished
    // install, and being newer than package-lock.json means the lock was not bumped since.
    private static bool InstallIsCurrent(string folder)
    {
        var installed = new FileInfo(Path.Combine(folder, "node_modules", ".package-lock.json"));
        var locked = new FileInfo(Path.Combine(folder, "package-lock.json"));
        return installed.Exists && installed.LastWriteTimeUtc >= locked.LastWriteTimeUtc;
    }

    // The lock lives in the temp folder so it never shows up in the work tree.
    private static FileStream AcquireInstallLock(string folder)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..16];
        var lockPath = Path.Combine(Path.GetTempPath(), $"execops-schema-npm-ci-{key}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
            }
        }
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

    private static (int ExitCode, string Stdout, string Stderr) Run(
        string program, IEnumerable<string> arguments, string workingDirectory, byte[] input, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {program}.");

        // All three pipes are served concurrently: a child blocked writing a full
        // stdout pipe would otherwise never read the rest of its stdin.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var feed = Task.Run(() =>
        {
            try
            {
                using var stdin = process.StandardInput.BaseStream;
                stdin.Write(input);
            }
            catch (IOException)
            {
                // The child quit before reading all its input (e.g. its schema did not
                // compile); its exit code and stderr are what explain the failure.
            }
        });

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{program} {string.Join(' ', startInfo.ArgumentList)} did not finish within {timeout.TotalSeconds} s.");
        }

        feed.Wait();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

public sealed record SchemaResult(bool IsValid, IReadOnlyList<string> Errors);
