using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Api;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Spend;

/// <summary>Spend as a billing export would post it, through the real endpoint.</summary>
public static class SpendPosts
{
    public static async Task PostAsync(BotFactory bot, params JsonObject[] rows)
    {
        var http = bot.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", BotFactory.SpendToken);
        (await http.PostAsJsonAsync(SpendApi.Path, new JsonObject { ["spend"] = new JsonArray([.. rows]) })).EnsureSuccessStatusCode();
    }

    /// <summary>Sends <paramref name="body"/> as is (JSON or CSV) to a spend endpoint with the spend token, and answers what came back.</summary>
    public static async Task<HttpResponseMessage> SendAsync(BotFactory bot, string path, string body, string type = "application/json", string token = BotFactory.SpendToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, type) };
        request.Headers.Authorization = new("Bearer", token);
        return await bot.CreateClient().SendAsync(request);
    }

    public static JsonObject Line(string day, decimal amount, string provider, string? service = null, string? team = null, string? env = null, string? expires = null, string? tenant = null) => new()
    {
        ["day"] = day, ["amount"] = amount, ["provider"] = provider, ["service"] = service, ["team"] = team, ["env"] = env, ["expires"] = expires, ["tenant"] = tenant,
    };
}
