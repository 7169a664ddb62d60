using System.Text.Json.Nodes;
using ExecOps.Workflows.Contracts;

namespace ExecOps.Bot.Api;

/// <summary>
/// Contracts as the import reads them. CSV has one row per promise, the contract's own fields repeated (or left
/// empty) on its rows; rows with the same reference make one contract. JSON has one object per contract with its promises.
/// </summary>
public static class ContractFormats
{
    public static readonly IReadOnlyList<string> Columns =
        ["reference", "customer", "tier", "start", "end", "notice_days", "penalty", "owner", "services", "promise", "value", "enforced_by", "gap_owner", "gap_due"];

    public const string Example = """{"contracts": [ {"reference": "MSA-2026-014", "customer": "ACME", "tier": "enterprise", "start": "2026-01-01", "end": "2027-06-30", "notice_days": 90, "penalty": "10% service credit", "owner": "dana", "services": ["payments"], "promises": [ {"kind": "incident_notification", "value": "4", "enforced_by": "setting:Incidents:UpdateCadence:Sev1"} ]} ]}""";

    public static IReadOnlyList<ContractInput?> FromCsv(string text)
    {
        var rows = CsvTable.Parse(text, Columns, string.Join(',', Columns));
        var contracts = new List<ContractInput?>();
        foreach (var group in rows.Select((row, index) => (Row: row, Index: index)).GroupBy(r => r.Row.Unreadable is null ? r.Row.Field("reference")?.ToUpperInvariant() ?? $"#{r.Index}" : $"#{r.Index}"))
        {
            var first = group.First();
            if (first.Row.Unreadable is { } reason)
            {
                contracts.Add(new ContractInput(first.Index, null, null, null, null, null, null, null, null, [], [], reason));
                continue;
            }
            string? Field(string column) => group.Select(r => r.Row.Field(column)).FirstOrDefault(v => v is not null);
            contracts.Add(new ContractInput(first.Index, Field("reference"), Field("customer"), Field("tier"), Field("start"), Field("end"), Field("notice_days"), Field("penalty"), Field("owner"),
                Split(Field("services")),
                group.Where(r => r.Row.Field("promise") is not null || r.Row.Field("value") is not null || r.Row.Field("enforced_by") is not null)
                    .Select(r => new PromiseInput(r.Index, r.Row.Field("promise"), r.Row.Field("value"), r.Row.Field("enforced_by"), r.Row.Field("gap_owner"), r.Row.Field("gap_due"))).ToList()));
        }
        return contracts;
    }

    public static IReadOnlyList<ContractInput?>? FromJson(JsonNode? body)
    {
        return BatchBody.Items(body, "contracts")?.Select((node, i) => node is JsonObject c ? Contract(c, i) : node is null ? null
            : new ContractInput(i, null, null, null, null, null, null, null, null, [], [], "the contract must be a JSON object")).ToList();
    }

    private static ContractInput Contract(JsonObject c, int index)
    {
        var services = c["services"] switch
        {
            JsonArray list => list.Select(s => Text(s) ?? "").ToList(),
            var one => Split(Text(one)),
        };
        var promises = (c["promises"] as JsonArray ?? []).Select(p => p is JsonObject promise
            ? new PromiseInput(index, Text(promise["kind"]), Text(promise["value"]), Text(promise["enforced_by"]), Text(promise["gap_owner"]), Text(promise["gap_due"]))
            : new PromiseInput(index, null, null, null, null, null)).ToList();
        return new ContractInput(index, Text(c["reference"]), Text(c["customer"]), Text(c["tier"]), Text(c["start"]), Text(c["end"]), Text(c["notice_days"]), Text(c["penalty"]), Text(c["owner"]),
            services, promises);
    }

    private static string? Text(JsonNode? node) => BatchBody.Text(node);

    private static IReadOnlyList<string> Split(string? list) => (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
