using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Workflows.Incidents;

namespace ExecOps.Bot.Integrations.Alertmanager;

/// <summary>One alert of an Alertmanager group, as a signal: keyed by (fingerprint, startsAt, status), so the same alert sent again is one event.</summary>
public sealed record AlertmanagerAlert(string Key, string Fingerprint, string Status, Signal Signal)
{
    /// <summary>What a firing alert's `endsAt` holds while Alertmanager does not know when it ends.</summary>
    private static readonly DateTimeOffset Unknown = DateTimeOffset.MinValue;

    /// <summary>
    /// Reads a webhook (payload version 4) group's alerts, each on its own: a group may mix firing and resolved ones.
    /// An alert without `status` (older Alertmanagers) takes the group's; one without `fingerprint`, a hash of its labels.
    /// </summary>
    /// <returns>The alerts, or why the group cannot be used.</returns>
    public static (IReadOnlyList<AlertmanagerAlert> Alerts, string? Problem) Read(JsonObject group, AlertmanagerSettings settings, DateTimeOffset now)
    {
        if (group.Text("version") is { } version && version != "4")
            return ([], $"This is webhook payload version {version}; the bot reads version 4, which Alertmanager 0.x sends since 2017. Upgrade Alertmanager.");
        if (group["alerts"] is not JsonArray alerts)
            return ([], "The group has no \"alerts\" array; send Alertmanager's webhook payload as it comes (version 4).");
        var read = new List<AlertmanagerAlert>();
        for (var i = 0; i < alerts.Count; i++)
        {
            if (alerts[i] is not JsonObject alert || alert["labels"] is not JsonObject labels)
                return ([], $"alerts[{i}] has no \"labels\" object; every alert of a version 4 payload has its labels.");
            var startsAt = alert.Time("startsAt") ?? now;
            var endsAt = alert.Time("endsAt");
            var status = alert.Text("status") ?? group.Text("status") ?? (endsAt is null || endsAt == Unknown || endsAt > now ? "firing" : "resolved");
            if (status is not ("firing" or "resolved")) return ([], $"alerts[{i}] has status \"{status}\"; an alert is firing or resolved.");
            var fingerprint = alert.Text("fingerprint") ?? HashOf(labels);
            var firing = status == "firing";
            var name = labels.Text("alertname") ?? "alert";
            var said = alert.Text("annotations", "summary") ?? alert.Text("annotations", "description") ?? alert.Text("annotations", "message");
            var severity = labels.Text("severity") is { } s ? $" ({s})" : "";
            var summary = $"{name}{severity} {(firing ? "firing" : "resolved")}{(said is null ? "" : $": {said}")}";
            var signal = new Signal("alertmanager", firing ? "alert" : "alert-resolved", labels.Text(settings.ServiceLabel), summary, firing ? startsAt : endsAt ?? now)
            {
                Declare = firing ? DeclareFor(labels, settings) : null,
                Title = said is null ? name : $"{name}: {said}",
                Link = $"alertmanager:{fingerprint}",
            };
            read.Add(new AlertmanagerAlert($"{fingerprint}/{alert.Text("startsAt") ?? "-"}/{status}", fingerprint, status, signal));
        }
        return (read, null);
    }

    /// <summary>The most severe rule whose labels the alert holds, every one.</summary>
    private static Severity? DeclareFor(JsonObject labels, AlertmanagerSettings settings) =>
        settings.Declare.Where(rule => rule.Match.All(m => string.Equals(labels.Text(m.Key), m.Value, StringComparison.OrdinalIgnoreCase)))
            .Select(rule => (Severity?)rule.Sev).Min();

    /// <summary>Stands in for Alertmanager's own fingerprint, which older payloads leave out: the same labels, the same alert.</summary>
    private static string HashOf(JsonObject labels)
    {
        var pairs = labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={labels.Text(l.Key)}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", pairs))))[..16];
    }
}
