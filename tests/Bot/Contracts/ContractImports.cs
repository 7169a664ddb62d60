using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecOps.Bot.Api;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Bot.Contracts;

/// <summary>Two contracted customers of payments, as a contract system would post them.</summary>
public static class ContractImports
{
    public static JsonObject Acme(string tier = "enterprise", string uptime = "99.9") => new()
    {
        ["reference"] = "MSA-2026-014", ["customer"] = "ACME", ["tier"] = tier, ["start"] = "2026-01-01", ["end"] = "2027-06-30", ["notice_days"] = 90,
        ["penalty"] = "10% service credit ($50k)", ["owner"] = "dana", ["services"] = new JsonArray("payments"),
        ["promises"] = new JsonArray(
            new JsonObject { ["kind"] = "uptime", ["value"] = uptime, ["enforced_by"] = "kpi:uptime" },
            new JsonObject { ["kind"] = "incident_notification", ["value"] = "4", ["enforced_by"] = "setting:Incidents:UpdateCadence:Sev1" },
            new JsonObject { ["kind"] = "residency", ["value"] = "eu", ["gap_owner"] = "alice", ["gap_due"] = "2027-03-01" }),
    };

    public static JsonObject Globex() => new()
    {
        ["reference"] = "MSA-2026-022", ["customer"] = "Globex", ["tier"] = "growth", ["start"] = "2026-02-01", ["end"] = "2027-02-01", ["notice_days"] = 30,
        ["penalty"] = "$20k", ["owner"] = "sam", ["services"] = "payments;search",
        ["promises"] = new JsonArray(
            new JsonObject { ["kind"] = "incident-notification", ["value"] = "2h", ["enforced_by"] = "setting:Incidents:UpdateCadence:Sev1" },
            new JsonObject { ["kind"] = "retention", ["value"] = "30", ["enforced_by"] = "control:CTRL-6" }),
    };

    public static async Task<HttpResponseMessage> PostAsync(BotFactory bot, params JsonObject[] contracts)
    {
        var http = bot.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", BotFactory.ContractsToken);
        return await http.PostAsJsonAsync(ContractsApi.Path, new JsonObject { ["contracts"] = new JsonArray([.. contracts]) });
    }
}
