using System.Text.RegularExpressions;
using ExecOps.Tests.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ExecOps.Tests.Fuzz;

/// <summary>
/// Every route the bot maps, fed bad input that reaches its parser (Slack signed, Teams with a valid
/// token, bearer tokens and sessions in place). Whatever comes in: never a 5xx, never a .NET type name
/// or stack trace in the answer, nothing stored when it is refused, and nothing failing later in the
/// background. A bug found anywhere becomes a case here.
/// </summary>
public sealed partial class EdgeFuzzTests(FuzzBot bot, ITestOutputHelper output) : IClassFixture<FuzzBot>
{
    public static IEnumerable<FuzzCase> Corpus() => ChatCorpus.All().Concat(ApiCorpus.All());

    [Fact]
    public void Every_route_the_bot_maps_has_fuzz_cases()
    {
        var mapped = bot.Bot.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var covered = Corpus().Select(c => c.Route).ToHashSet();

        mapped.Should().HaveCountGreaterThan(15, "the listing must see the real endpoints");
        mapped.Except(covered).Should().BeEmpty("every route needs bad input of its own in tests/Fuzz");
        covered.Except(mapped).Should().BeEmpty("a case for a route that is not mapped tests nothing");
    }

    [Theory]
    [InlineData("Slack")]
    [InlineData("Teams")]
    [InlineData("Playground")]
    [InlineData("API")]
    [InlineData("Pages")]
    public async Task Bad_input_gets_a_clear_refusal_and_changes_nothing(string doors)
    {
        bot.ForgetErrors();
        var failures = new List<string>();
        var cases = Corpus().Where(c => Doors(c.Route) == doors).ToList();
        cases.Should().NotBeEmpty();
        foreach (var fuzz in cases)
        {
            var before = await bot.FingerprintAsync();
            using var response = await fuzz.Send(bot);
            var body = await response.Content.ReadAsStringAsync();
            await bot.SettledAsync();
            var after = await bot.FingerprintAsync();
            var status = (int)response.StatusCode;

            if (status >= 500) failures.Add($"{fuzz}: {status} {Cut(body)}");
            else if (Leak().Match(body) is { Success: true } leak) failures.Add($"{fuzz}: the answer names .NET internals ({leak.Value}): {Cut(body)}");
            else if (status >= 400 && after.All != before.All) failures.Add($"{fuzz}: refused with {status} but something was stored");
            else if (fuzz.Refused && after.Domain != before.Domain) failures.Add($"{fuzz}: answered {status} {Cut(body)} and changed the domain");
            foreach (var error in bot.Errors) failures.Add($"{fuzz}: the bot logged an error: {Cut(error)}");
            bot.ForgetErrors();
        }
        output.WriteLine($"{cases.Count} bad inputs through the {doors} doors, {failures.Count} not refused clearly.");
        failures.Count.Should().Be(0, $"each of {cases.Count} bad inputs must be refused clearly; these were not:\n{string.Join("\n", failures)}\n");
    }

    private static string Doors(string route) => route switch
    {
        _ when route.Contains("/api/slack/") => "Slack",
        _ when route.Contains("/api/messages") => "Teams",
        _ when route.Contains("/api/playground/") => "Playground",
        _ when route.StartsWith("POST ") => "API",
        _ => "Pages",
    };

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [GeneratedRegex(@"\b(System|Microsoft)\.[A-Z]\w+|\bExecOps(\.[A-Z]\w+){2,}|\bat [A-Z][\w.]+\(|Exception\b")]
    private static partial Regex Leak();
}
