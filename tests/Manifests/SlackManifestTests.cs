using System.Text.Json.Nodes;
using ExecOps.Bot.Conversation;
using ExecOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Manifests;

public sealed class SlackManifestTests
{
    private static readonly string Manifest = SharedExternal.RepoFile("manifests/slack/manifest.json");
    private static readonly string SocketMode = SharedExternal.RepoFile("manifests/slack/manifest.socket-mode.json");

    [Fact]
    public void The_manifest_is_valid_against_Slacks_manifest_schema()
    {
        var result = JsonSchemaValidator.Validate("slack-manifest/manifest.schema.json", Manifest);

        result.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void The_manifest_lists_every_command_the_bot_handles_and_no_other()
    {
        using var database = new TempDatabase();
        using var bot = new BotFactory(database);
        var handled = bot.Services.GetRequiredService<ChatCore>().Areas.Select(a => "/" + a.Name).Append("/execops");

        var listed = JsonNode.Parse(Manifest)!["features"]!["slash_commands"]!.AsArray().Select(c => (string)c!["command"]!);

        listed.Should().BeEquivalentTo(handled);
    }

    [Fact]
    public void Every_request_url_points_at_the_endpoint_that_serves_it()
    {
        var manifest = JsonNode.Parse(Manifest)!;

        manifest["features"]!["slash_commands"]!.AsArray().Select(c => (string)c!["url"]!).Should().OnlyContain(u => u.EndsWith("/api/slack/commands"));
        ((string)manifest["settings"]!["interactivity"]!["request_url"]!).Should().EndWith("/api/slack/interactions");
        ((string)manifest["settings"]!["event_subscriptions"]!["request_url"]!).Should().EndWith("/api/slack/events");
        manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => (string?)e).Should().BeEquivalentTo(["app_mention", "message.im"]);
    }

    [Fact]
    public void The_socket_mode_manifest_is_valid_against_Slacks_manifest_schema()
    {
        var result = JsonSchemaValidator.Validate("slack-manifest/manifest.schema.json", SocketMode);

        result.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void The_socket_mode_manifest_has_the_same_commands_scopes_and_events_with_no_request_url()
    {
        var (http, socket) = (JsonNode.Parse(Manifest)!, JsonNode.Parse(SocketMode)!);

        ((bool)socket["settings"]!["socket_mode_enabled"]!).Should().BeTrue();
        socket.ToJsonString().Should().NotContain("request_url").And.NotContain("\"url\"", "nothing listens in public");
        var commands = http["features"]!["slash_commands"]!.AsArray().Select(c => { var copy = c!.DeepClone().AsObject(); copy.Remove("url"); return copy.ToJsonString(); });
        socket["features"]!["slash_commands"]!.AsArray().Select(c => c!.ToJsonString()).Should().Equal(commands);
        socket["oauth_config"]!.ToJsonString().Should().Be(http["oauth_config"]!.ToJsonString());
        socket["settings"]!["event_subscriptions"]!["bot_events"]!.ToJsonString().Should().Be(http["settings"]!["event_subscriptions"]!["bot_events"]!.ToJsonString());
        ((bool)socket["settings"]!["interactivity"]!["is_enabled"]!).Should().BeTrue();
    }
}
