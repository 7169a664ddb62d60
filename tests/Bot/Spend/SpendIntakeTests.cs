using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Api;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Spend;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Spend;

/// <summary>Spend intake (seed §9) through the real endpoint, on the test's clock (2026-11-02 09:00 UTC): kept once, restated in place, untagged kept, bad batches refused whole.</summary>
public sealed class SpendIntakeTests : BotTest
{
    private Task<HttpResponseMessage> PostAsync(string body, string type = "application/json", string token = BotFactory.SpendToken) => SpendPosts.SendAsync(Bot, SpendApi.Path, body, type, token);

    private Task<IReadOnlyList<SpendLine>> StoredAsync() =>
        Bot.Services.GetRequiredService<SpendService>().BetweenAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    private const string Batch = """
        {"spend": [
          {"day": "2026-10-31", "amount": 1234.56, "currency": "USD", "provider": "AWS", "service": "payments", "team": "payments-core", "tenant": "acme", "env": "prod"},
          {"day": "2026-10-31", "amount": "80.10", "provider": "aws", "service": "search", "team": "discovery", "env": "non-prod", "expires": "2026-11-15"},
          {"day": "2026-10-31", "amount": -12.5, "provider": "datadog"}
        ]}
        """;

    [Fact]
    public async Task A_batch_is_kept_once_a_new_amount_restates_its_line_and_untagged_spend_is_kept_and_counted()
    {
        (await PostAsync(Batch, token: "wrong")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var first = (await (await PostAsync(Batch)).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)first["stored"]!, (int)first["untagged"]!).Should().Be((3, 1));
        var again = (await (await PostAsync(Batch)).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)again["stored"]!, (int)again["unchanged"]!).Should().Be((0, 3), "the same batch again is the same rows");
        var restated = (await (await PostAsync(Batch.Replace("1234.56", "1300.00"))).Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)restated["revised"]!, (int)restated["unchanged"]!).Should().Be((1, 2));

        var stored = await StoredAsync();
        stored.Select(l => (l.Provider, l.Service, l.Amount)).Should().BeEquivalentTo([("aws", "payments", 1300.00m), ("aws", "search", 80.10m), ("datadog", "", -12.5m)]);
        stored.Single(l => l.Service == "search").Should().BeEquivalentTo(new { Env = "non-prod", Expires = (DateOnly?)new DateOnly(2026, 11, 15), Team = "discovery" });
        stored.Single(l => l.Provider == "datadog").IsUntagged.Should().BeTrue();
    }

    [Fact]
    public async Task CSV_is_taken_like_JSON()
    {
        var response = await PostAsync("day,amount,provider,service,team,env\n2026-11-01,99.5,gcp,payments,payments-core,prod\n2026-11-01,10,gcp,,,\n", "text/csv");

        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        ((int)answer["stored"]!, (int)answer["untagged"]!).Should().Be((2, 1));
        (await StoredAsync()).Sum(l => l.Amount).Should().Be(109.5m);
    }

    [Theory]
    [InlineData("""{"day":"2026-11-03","amount":1,"provider":"aws"}""", "day 2026-11-03 has not begun (today is 2026-11-02)")]
    [InlineData("""{"day":"1999-12-31","amount":1,"provider":"aws"}""", "day 1999-12-31 is before 2000-01-01")]
    [InlineData("""{"day":"2026-11-01","amount":1,"currency":"EUR","provider":"aws"}""", "currency EUR is not USD, the currency spend is reported in (Spend:Currency)")]
    [InlineData("""{"day":"2026-11-01","amount":"lots","provider":"aws"}""", "amount \"lots\" is not an amount")]
    [InlineData("""{"day":"2026-11-01","amount":1e12,"provider":"aws"}""", "is not an amount from")]
    [InlineData("""{"day":"2026-11-01","amount":1}""", "provider is missing")]
    [InlineData("""{"day":"2026-11-01","amount":1,"provider":"aws","env":"staging"}""", "env \"staging\" must be prod or non-prod")]
    [InlineData("""{"day":"2026-11-01","amount":1,"provider":"aws","expires":"soon"}""", "expires \"soon\" must be a date")]
    [InlineData("""{"day":"2026-11-01","amount":1,"provider":"aws","service":"pay ments"}""", "service \"pay ments\" must be up to 100 letters")]
    public async Task A_batch_with_a_bad_row_is_refused_whole_naming_the_row(string bad, string reason)
    {
        var response = await PostAsync($$"""{"spend":[{"day":"2026-11-01","amount":5,"provider":"aws","service":"payments"},{{bad}}]}""");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var rejected = (await response.Content.ReadFromJsonAsync<JsonObject>())!["rejected"]!.AsArray().Should().ContainSingle().Subject!;
        ((int)rejected["index"]!).Should().Be(1);
        ((string)rejected["reason"]!).Should().Contain(reason);
        (await StoredAsync()).Should().BeEmpty("the good row is not kept either: all of a batch or none");
    }
}
