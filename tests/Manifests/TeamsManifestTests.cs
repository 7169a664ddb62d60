using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Manifests;

public sealed class TeamsManifestTests
{
    private const string Schema = "MicrosoftTeams.schema.v1.29.json";
    private const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    private const string Domain = "bot.contoso.com";

    private static readonly string Manifest = SharedExternal.RepoFile("manifests/teams/manifest.json");
    private static readonly string TeamsFolder = Path.Combine(SharedExternal.RepoRoot, "manifests", "teams");

    [Fact]
    public void The_manifest_is_valid_against_the_official_Teams_schema()
    {
        var result = JsonSchemaValidator.Validate(Schema, Manifest);

        result.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void Every_scope_lists_exactly_the_Slack_commands_without_the_slash_but_the_typed_ones()
    {
        // The schema caps a command list at 12. Left to typing (every message is read as a command): /audit, for admins,
        // /readout, the CEO's once a quarter, /boardpacket, the CEO's once a month, /people, a directory lookup, and
        // /breakglass, rare and typed by someone who knows it (the /owner lookup took its place), and /blocker, typed with
        // its quoted text and on: anyway, /adr, whose sections are typed out in full, and /resilience, whose drills are recorded with their figures.
        var slack = JsonNode.Parse(SharedExternal.RepoFile("manifests/slack/manifest.json"))!["features"]!["slash_commands"]!.AsArray()
            .Select(c => (Title: ((string)c!["command"]!).TrimStart('/'), Description: (string)c["description"]!))
            .Where(c => c.Title is not ("audit" or "readout" or "boardpacket" or "people" or "breakglass" or "blocker" or "adr" or "resilience"))
            .ToList();
        var bot = JsonNode.Parse(Manifest)!["bots"]![0]!;
        var scopes = bot["scopes"]!.AsArray().Select(s => (string)s!).ToList();
        var lists = bot["commandLists"]!.AsArray();

        scopes.Should().BeEquivalentTo(["team", "groupChat", "personal"]);
        foreach (var scope in scopes)
        {
            // The schema asks for a separate command list for each scope.
            var list = lists.Should().ContainSingle(l => l!["scopes"]!.AsArray().Any(s => (string?)s == scope), "{0} needs exactly one command list", scope).Subject!;
            list["commands"]!.AsArray()
                .Select(c => (Title: (string)c!["title"]!, Description: (string)c["description"]!))
                .Should().BeEquivalentTo(slack, "the {0} list must match Slack's slash commands", scope);
        }
    }

    [Theory]
    [InlineData("color", 192)]
    [InlineData("outline", 32)]
    public void The_icons_have_the_sizes_Teams_requires(string icon, int size)
    {
        var file = (string)JsonNode.Parse(Manifest)!["icons"]![icon]!;
        var png = File.ReadAllBytes(Path.Combine(TeamsFolder, file));

        png[..8].Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        png[12..16].Should().Equal("IHDR"u8.ToArray());
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)).Should().Be(size, "the width of {0}", file);
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)).Should().Be(size, "the height of {0}", file);
    }

    [Fact]
    public async Task The_package_carries_the_app_id_and_domain_and_still_validates()
    {
        var folder = Directory.CreateTempSubdirectory("execops-teams-package-");
        try
        {
            var zip = Path.Combine(folder.FullName, "app.zip");

            var (exitCode, output) = await PackageAsync(AppId, Domain, zip);

            exitCode.Should().Be(0, output);
            using var archive = ZipFile.OpenRead(zip);
            archive.Entries.Select(e => e.FullName).Should().BeEquivalentTo(["manifest.json", "color.png", "outline.png"]);
            string packaged;
            using (var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open()))
            {
                packaged = await reader.ReadToEndAsync();
            }

            var manifest = JsonNode.Parse(packaged)!;
            ((string?)manifest["id"]).Should().Be(AppId);
            ((string?)manifest["bots"]![0]!["botId"]).Should().Be(AppId);
            manifest["validDomains"]!.AsArray().Select(d => (string?)d).Should().Equal(Domain);
            manifest["developer"]!.AsObject().Where(p => p.Key.EndsWith("Url")).Select(p => (string)p.Value!)
                .Should().OnlyContain(url => url.StartsWith($"https://{Domain}"));
            packaged.Should().NotContain("execops.example.com").And.NotContain("00000000-0000-0000-0000-000000000000");
            JsonSchemaValidator.Validate(Schema, packaged).Errors.Should().BeEmpty();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("not-a-guid", Domain, "GUID")]
    [InlineData(AppId, "https://bot.contoso.com", "without a scheme")]
    [InlineData(AppId, "bot.contoso.com/api", "without a path")]
    [InlineData(AppId, "bot contoso.com", "bare host name")]
    public async Task The_package_script_refuses_a_bad_app_id_or_domain_and_writes_nothing(string appId, string domain, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("execops-teams-package-");
        try
        {
            var zip = Path.Combine(folder.FullName, "app.zip");

            var (exitCode, output) = await PackageAsync(appId, domain, zip);

            exitCode.Should().NotBe(0);
            output.Should().Contain(reason);
            File.Exists(zip).Should().BeFalse();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> PackageAsync(string appId, string domain, string zip)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(TeamsFolder, "package.sh"), appId, domain, zip })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
