using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Api;

public sealed class DiagnosticsApiTests
{
    private static HttpRequestMessage Memory(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/diagnostics/memory");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Fact]
    public async Task The_memory_endpoint_is_closed_without_a_configured_token()
    {
        using var database = new TempDatabase();
        using var bot = new BotFactory(database);

        var response = await bot.CreateClient().SendAsync(Memory("anything"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("closed while no token is configured");
    }

    [Fact]
    public async Task With_its_token_it_answers_the_live_heap_after_a_full_collection_and_the_resident_set()
    {
        using var database = new TempDatabase();
        using var bot = new BotFactory(database, settings: new() { ["Diagnostics:Token"] = "diag-token" });
        var http = bot.CreateClient();

        (await http.SendAsync(Memory("wrong"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var answer = JsonNode.Parse(await (await http.SendAsync(Memory("diag-token"))).Content.ReadAsStringAsync())!;

        var live = (long)answer["liveHeapBytes"]!;
        live.Should().BePositive();
        ((long)answer["residentBytes"]!).Should().BeGreaterThan(live, "the process holds more than its managed heap");
    }
}
