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

    public static JsonObject Line(string day, decimal amount, string provider, string? service = null, string? team = null, string? env = null, string? expires = null, string? tenant = null) => new()
    {
        ["day"] = day, ["amount"] = amount, ["provider"] = provider, ["service"] = service, ["team"] = team, ["env"] = env, ["expires"] = expires, ["tenant"] = tenant,
    };
}
