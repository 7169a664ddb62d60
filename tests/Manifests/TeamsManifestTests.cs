using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Manifests;

public sealed class TeamsManifestTests
{
    private const string Schema = "MicrosoftTeams.schema.v1.29.json";
    private static readonly string Manifest = SharedExternal.RepoFile("manifests/teams/manifest.json");

    [Fact]
    public void The_manifest_is_valid_against_the_official_Teams_schema()
    {
        JsonSchemaValidator.Validate(Schema, Manifest).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Every_scope_lists_the_same_commands_as_Slack_without_the_slash()
    {
        var slack = JsonNode.Parse(SharedExternal.RepoFile("manifests/slack/manifest.json"))!["features"]!["slash_commands"]!.AsArray()
            .Select(c => ((string)c!["command"]!).TrimStart('/')).ToList();
        var bot = JsonNode.Parse(Manifest)!["bots"]![0]!;

        bot["scopes"]!.AsArray().Select(s => (string?)s).Should().BeEquivalentTo(["team", "groupChat", "personal"]);
        var lists = bot["commandLists"]!.AsArray();
        lists.SelectMany(l => l!["scopes"]!.AsArray().Select(s => (string?)s)).Should().BeEquivalentTo(["team", "groupChat", "personal"]);
        foreach (var list in lists)
            list!["commands"]!.AsArray().Select(c => (string?)c!["title"]).Should().BeEquivalentTo(slack);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void The_icons_have_the_sizes_Teams_requires(string icon, int size)
    {
        var png = File.ReadAllBytes(Path.Combine(SharedExternal.RepoRoot, "manifests", "teams", icon));

        png[..8].Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)))
            .Should().Be((size, size));
    }

    [Fact]
    public async Task The_package_carries_the_app_id_and_domain_and_still_validates()
    {
        var folder = Directory.CreateTempSubdirectory("execops-teams-").FullName;
        try
        {
            var zip = Path.Combine(folder, "app.zip");
            var (exit, output) = await PackageAsync("0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", "bot.contoso.com", zip);

            exit.Should().Be(0, output);
            using var archive = ZipFile.OpenRead(zip);
            archive.Entries.Select(e => e.FullName).Should().BeEquivalentTo(["manifest.json", "color.png", "outline.png"]);
            using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
            var manifest = await reader.ReadToEndAsync();
            var json = JsonNode.Parse(manifest)!;
            ((string?)json["id"]).Should().Be("0b6fe6d1-fece-44f7-9a48-56465e2d5ab8");
            ((string?)json["bots"]![0]!["botId"]).Should().Be("0b6fe6d1-fece-44f7-9a48-56465e2d5ab8");
            json["validDomains"]!.AsArray().Select(d => (string?)d).Should().Equal("bot.contoso.com");
            manifest.Should().NotContain("execops.example.com");
            JsonSchemaValidator.Validate(Schema, manifest).Errors.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("not-a-guid", "bot.contoso.com", "GUID")]
    [InlineData("0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", "https://bot.contoso.com/api", "bare host name")]
    public async Task The_package_script_refuses_a_bad_app_id_or_domain(string appId, string domain, string message)
    {
        var (exit, output) = await PackageAsync(appId, domain, Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.zip"));

        exit.Should().Be(2);
        output.Should().Contain(message);
    }

    private static async Task<(int Exit, string Output)> PackageAsync(string appId, string domain, string zip)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(SharedExternal.RepoRoot, "manifests", "teams", "package.sh"), appId, domain, zip])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
