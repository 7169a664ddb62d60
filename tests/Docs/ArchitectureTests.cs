using System.Text.RegularExpressions;
using ExecOps.Tests.Support;

namespace ExecOps.Tests.Docs;

/// <summary>
/// The layout rules of STYLE.md that a reader would otherwise have to police by eye: the arrows point
/// bot → cards → workflows, and only a machine decides on a state.
/// </summary>
public sealed partial class ArchitectureTests
{
    [Theory]
    [InlineData("workflows", "ExecOps.Bot")]
    [InlineData("workflows", "ExecOps.Cards")]
    [InlineData("cards", "ExecOps.Bot")]
    public void A_lower_layer_never_names_a_higher_one(string folder, string higher)
    {
        // A namespace in use, not the product's name in a sentence.
        var offenders = Lines(folder).Where(l => Regex.IsMatch(l.Text, $@"\busing\s+(static\s+)?{Regex.Escape(higher)}\b|\b{Regex.Escape(higher)}\.[A-Z]"))
            .Select(l => l.ToString()).ToList();

        offenders.Should().BeEmpty($"{folder}/ sits below {higher} (bot → cards → workflows)");
    }

    [Theory]
    [InlineData("workflows")]
    [InlineData("cards")]
    public void Only_a_machine_decides_on_a_state(string folder)
    {
        var offenders = Lines(folder).Where(l => !l.File.EndsWith("Machine.cs", StringComparison.Ordinal) && StateDecision().IsMatch(l.Text))
            .Select(l => l.ToString()).ToList();

        offenders.Should().BeEmpty("a decision on a state belongs in the <X>Machine.cs (a guard, a trigger, or a named predicate beside it)");
    }

    [Theory]
    [InlineData("if (incident.State == IncidentState.Resolved)")]
    [InlineData(".Where(r => r.State != RiskState.Closed)")]
    [InlineData("Tone = d.State switch { DecisionState.Proposed => Tone.Accent, _ => Tone.Good },")]
    [InlineData("is not { State: AcceptanceState.Approved } acceptance")]
    [InlineData("?.Body.State is not (null or DecisionState.Proposed)")]
    [InlineData("var open = change is ChangeState.InProgress;")]
    public void The_state_rule_catches_each_way_of_comparing_a_state(string line) => StateDecision().IsMatch(line).Should().BeTrue();

    [Theory]
    [InlineData("new(\"State\", data.State.ToString()),")]
    [InlineData("var machine = new StateMachine<RiskState, RiskTrigger>(() => risk.State, s => risk.State = s);")]
    [InlineData("scope.Aggregates.ListAsync<FollowUp>(FollowUp.Kind, [nameof(FollowUpState.Open)])")]
    public void The_state_rule_lets_reading_and_storing_a_state_pass(string line) => StateDecision().IsMatch(line).Should().BeFalse();

    /// <summary>
    /// Slack and Teams are posted to only by the outbox's ports and the answer calls they make, so a
    /// failed post is retried as a delivery and never runs a command again. Opening a modal is the one
    /// call made in the request itself: its trigger_id is good for three seconds.
    /// </summary>
    [Fact]
    public void Only_the_outbox_posts_to_Slack_or_Teams()
    {
        string[] ports = ["SlackChatPort.cs", "SlackCall.cs", "TeamsChatPort.cs", "TeamsCall.cs"];
        var offenders = Lines("bot")
            .Where(l => !l.File.StartsWith("bot/Slack/Api/", StringComparison.Ordinal) && !l.File.StartsWith("bot/Teams/Connector/", StringComparison.Ordinal))
            .Where(l => !ports.Any(p => l.File.EndsWith(p, StringComparison.Ordinal)) && PlatformPost().IsMatch(l.Text))
            .Select(l => l.ToString()).ToList();

        offenders.Should().BeEmpty("a reply is an answer kept in the outbox (SlackCall, TeamsCall), not a post made while handling the request");
    }

    [Theory]
    [InlineData("await slack.PostMessageAsync(channel, SlackMessages.Text(reply.Text), SlackMessages.Blocks(reply.Card), thread, cancel);")]
    [InlineData("await slack.RespondAsync(where.ResponseUrl, SlackMessages.Replacement(reply), cancel);")]
    [InlineData("else await connector.ReplyAsync(activity.ServiceUrl!, activity.ConversationId!, activity.Id, message, cancel);")]
    public void The_outbox_rule_catches_a_direct_post(string line) => PlatformPost().IsMatch(line).Should().BeTrue();

    [GeneratedRegex(@"\b(slack|connector)\.(PostMessageAsync|PostEphemeralAsync|RespondAsync|UpdateAsync|UploadMarkdownAsync|SendAsync|ReplyAsync)\(")]
    private static partial Regex PlatformPost();

    /// <summary>The areas on the template, with the name their files take; a new area joins this list.</summary>
    public static TheoryData<string, string> Areas() => new()
    {
        { "Incidents", "Incident" }, { "Risks", "Risk" }, { "Changes", "Change" }, { "Decisions", "Decision" }, { "Kpis", "Kpi" }, { "Scoreboard", "Scoreboard" }, { "Compliance", "Compliance" }, { "Contracts", "Contract" }, { "Ownership", "Ownership" }, { "Blockers", "Blocker" }, { "Adrs", "Adr" }, { "Resilience", "Resilience" },
    };

    [Theory]
    [MemberData(nameof(Areas))]
    public void Every_area_has_the_files_of_the_template(string area, string name)
    {
        var folder = Path.Combine(SharedExternal.RepoRoot, "workflows", area);
        var files = Directory.GetFiles(folder, "*.cs").Select(Path.GetFileName).ToHashSet();
        var machines = files.Where(f => f!.EndsWith("Machine.cs", StringComparison.Ordinal)).Select(f => f![..^"Machine.cs".Length]).ToList();
        var missing = new[] { $"{name}Service.cs", $"{name}Commands.cs", $"{name}Reminders.cs" }
            .Concat(machines.SelectMany(m => new[] { $"{m}State.cs", $"{m}Trigger.cs" }))
            .Where(f => !files.Contains(f))
            .Concat(machines.Where(m => !files.Contains($"{m}.cs") && !files.Contains($"{m}Data.cs")).Select(m => $"{m}.cs or {m}Data.cs (what the machine drives)"))
            .ToList();

        machines.Should().NotBeEmpty($"workflows/{area} decides what may happen in a machine");
        missing.Should().BeEmpty($"workflows/{area} follows the template of STYLE.md");
        Directory.Exists(Path.Combine(SharedExternal.RepoRoot, "cards", area)).Should().BeTrue($"cards/{area}/ holds the area's cards and action ids");
    }

    [Fact]
    public void A_conversation_area_only_maps_and_stays_small()
    {
        var large = Directory.GetFiles(Path.Combine(SharedExternal.RepoRoot, "bot", "Conversation"), "*Area*.cs")
            .Select(f => (File: Path.GetFileName(f), Lines: File.ReadAllLines(f).Length)).Where(f => f.Lines > 100).ToList();

        large.Should().BeEmpty("a bot/Conversation area maps a typed request to the service and the result to replies; the grammar lives in workflows/<X>/<X>Commands.cs");
    }

    private sealed record Line(string File, int Number, string Text)
    {
        public override string ToString() => $"{File}:{Number}: {Text.Trim()}";
    }

    private static IEnumerable<Line> Lines(string folder)
    {
        var root = Path.Combine(SharedExternal.RepoRoot, folder);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => new Line(Path.GetRelativePath(SharedExternal.RepoRoot, f), i + 1, text)));
    }

    // A comparison, pattern or switch on a member called State, or on a value of one of the *State enums.
    [GeneratedRegex(@"\bState\s*(==|!=)|\bState\s+(is|switch)\b|\{\s*State\s*:|(==|!=|\bis|\bis not|\bor|\band|\bcase)\s*\(?\s*\w*State\.\w+|\b\w+State\.\w+\s*(==|!=|=>)")]
    private static partial Regex StateDecision();
}
