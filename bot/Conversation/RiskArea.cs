using System.Text.RegularExpressions;
using ExecOps.Cards;
using ExecOps.Cards.Risks;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Risks;

namespace ExecOps.Bot.Conversation;

/// <summary>`/risk`: the top-10 register, mitigations, acceptances and the sponsor's cards.</summary>
public sealed partial class RiskArea(RiskService risks, IncidentService incidents, PeopleDirectory people, TimeProvider clock) : IChatArea
{
    public CommandArea Area { get; } = new("risk", "the risk register: top 10 by exposure, mitigations, acceptances, escalations",
    [
        new("add", "/risk add \"<title>\" category:<legal|security|reliability|financial|vendor|people|compliance> p:30% impact:$250k customers:\"…\" owner:@p sponsor:@p [review:YYYY-MM-DD]",
            "Add a risk; with arguments missing, a form opens. An unknown owner falls to the CEO."),
        new("top", "/risk top", "The ten largest exposures with rating, owner, next action and due date.", ReadOnly: true),
        new("show", "/risk show RISK-n", "Everything about one risk.", ReadOnly: true),
        new("mitigate", "/risk mitigate RISK-n \"<action>\" owner:@p due:YYYY-MM-DD", "Add a mitigation; a missed due date escalates to the sponsor."),
        new("done", "/risk done RISK-n <mitigation> evidence:<INC-n | DEC-… | CHG-… | URL>", "Mark a mitigation shipped, with its evidence."),
        new("link", "/risk link RISK-n [evidence:<INC-n | DEC-… | CHG-n | URL>] [indicators:\"a; b\"]", "Attach evidence and leading indicators to watch."),
        new("update", "/risk update RISK-n [p:…] [impact:…] [customers:\"…\"]", "Restate a risk; if its rating goes up, its acceptance ends."),
        new("accept", "/risk accept RISK-n until:YYYY-MM-DD reason:\"…\"", "Ask the sponsor to accept the risk until a date (capped)."),
        new("close", "/risk close RISK-n review:YYYY-MM-DD", "Close a risk (sponsor), with its next review date."),
        new("reopen", "/risk reopen RISK-n", "Reopen a closed risk (sponsor)."),
        new("review", "/risk review", "The weekly review's agenda now: red risks, overdue mitigations, expiring acceptances, missed reviews.", ReadOnly: true),
    ]);

    public bool IsReadOnly(CommandLine line) => line.Verb is "top" or "show" or "review";

    public async Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line)
    {
        switch (line.Verb)
        {
            case "add":
                return [await AddAsync(actor, line.Arguments.Count > 0 ? string.Join(' ', line.Arguments) : null, line.Option("category"), line.Option("p"),
                    line.Option("impact"), line.Option("customers"), line.Option("owner") ?? line.Mentions.FirstOrDefault(), line.Option("sponsor"), line.Option("review"))];
            case "top":
                return [Reply.Private(RiskTopCard.Build(await risks.TopAsync(10), people))];
            case "show":
                return [Reply.Private(await CardAsync(await risks.GetAsync(Id(line))))];
            case "mitigate":
                var owner = people.Require(line.Option("owner") ?? actor.Id);
                var action = line.Arguments.Skip(1).FirstOrDefault() ?? "";
                return [Shared(await risks.ActAsync(Id(line), r => r.Mitigate(actor, action, owner.Id, CommandValues.Date(line.Option("due"), "due"))))];
            case "done":
                var evidence = Evidence(line.Option("evidence"));
                return [Shared(await risks.ActAsync(Id(line), r => r.Done(actor, Number(line.Arguments.Skip(1).FirstOrDefault(), "mitigation"), evidence)))];
            case "link":
                var linked = line.Option("evidence") is { } e ? Evidence(e) : null;
                var indicators = (line.Option("indicators") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return [Reply.Private(await CardAsync(await risks.ActAsync(Id(line), r => r.Link(actor, linked, indicators))))];
            case "update":
                var probability = line.Option("p") is { } p ? RiskAmounts.Probability(p) : (decimal?)null;
                var impact = line.Option("impact") is { } i ? RiskAmounts.Money(i, "impact") : (decimal?)null;
                return [Shared(await risks.ActAsync(Id(line), r => r.Update(actor, probability, impact, line.Option("customers"))))];
            case "accept":
                var until = CommandValues.Date(line.Option("until"), "until");
                AcceptanceData? requested = null;
                var risk = await risks.ActAsync(Id(line), r => requested = r.RequestAcceptance(actor, until, line.Option("reason") ?? ""));
                return [Reply.Private(AcceptanceCard.Build(risk, requested!, people))];
            case "reopen":
                return [Shared(await risks.ActAsync(Id(line), r => r.Reopen(actor)))];
            case "review":
                var agenda = await risks.AgendaAsync();
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var items = new List<Reply> { Reply.Private(RiskReviewCards.Agenda(agenda, today, people)) };
                foreach (var item in agenda.Take(RiskService.ReviewItems))
                    items.Add(Reply.Private(RiskReviewCards.Item(await risks.GetAsync(item.Risk.Id), item.Reasons, people)));
                return items;
            case "close":
                var review = CommandValues.Date(line.Option("review"), "review");
                return [Shared(await risks.ActAsync(Id(line), r => r.Close(actor, review)))];
            default:
                throw new RefusedException(RefusalKind.Invalid, $"`/risk {line.Verb}` is not a risk command.\n{Area.Help()}");
        }
    }

    public bool Handles(string actionId) => actionId.StartsWith(RiskActions.Prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<Reply>> ActAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string> data)
    {
        string? Field(string key) => data.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;
        if (actionId == RiskActions.Add)
            return [await AddAsync(actor, Field("title"), Field("category"), Field("p"), Field("impact"), Field("customers"), Field("owner"), Field("sponsor"), Field("review"))];
        var id = Field(RiskActions.Risk) ?? throw new RefusedException(RefusalKind.Invalid, "That button carried no risk id; ask for a fresh card with `/risk show RISK-n`.");
        if (actionId == RiskActions.Refresh) return [Reply.Private((await CurrentCardAsync(data))!)];
        if (actionId.StartsWith("risk.review.", StringComparison.Ordinal)) return [await ReviewAsync(actor, actionId, id, Field)];
        var number = Number(Field(RiskActions.Number), "number");
        long? seen = long.TryParse(Field(RiskActions.Version), out var version) ? version : null;
        var risk = actionId switch
        {
            RiskActions.Accept => await risks.ActAsync(id, r => r.DecideAcceptance(actor, number, approve: true, null), seen),
            RiskActions.Reject => await risks.ActAsync(id, r => r.DecideAcceptance(actor, number, approve: false, Field(RiskActions.Note)), seen),
            RiskActions.ApprovePlan => await Escalation(EscalationDecision.ApprovePlan),
            RiskActions.Extend => await Escalation(EscalationDecision.Extend, date: CommandValues.Date(Field(RiskActions.Date), "date")),
            RiskActions.Fund => await Escalation(EscalationDecision.Fund, note: Field(RiskActions.Note)),
            RiskActions.Reassign => await Escalation(EscalationDecision.Reassign, to: people.Require(Field(RiskActions.Person) ?? "")),
            _ => throw new RefusedException(RefusalKind.Invalid, $"The button `{actionId}` is not one I know; ask for a fresh card."),
        };
        return [Reply.ToChannel(actionId is RiskActions.Accept or RiskActions.Reject
            ? AcceptanceCard.Build(risk, risk.Data.Acceptances.Single(a => a.Number == number), people)
            : EscalationCard.Build(risk, risk.Data.Escalations.Single(e => e.Number == number), people))];

        Task<Risk> Escalation(EscalationDecision decision, DateOnly? date = null, string? note = null, Person? to = null) =>
            risks.ActAsync(id, r => r.DecideEscalation(actor, number, decision, date, note, to), seen);
    }

    public async Task<Card?> CurrentCardAsync(IReadOnlyDictionary<string, string> data)
    {
        if (data.GetValueOrDefault(RiskActions.Risk) is not { } id) return null;
        var risk = await risks.GetAsync(id);
        var number = int.TryParse(data.GetValueOrDefault(RiskActions.Number), out var n) ? n : 0;
        return RiskSubjectCards.For(risk, data.GetValueOrDefault(RiskActions.About), number, people) ?? await CardAsync(risk);
    }

    /// <summary>A decision from a review item card: the item card again, as it now stands, for everyone who sees it.</summary>
    private async Task<Reply> ReviewAsync(Actor actor, string actionId, string id, Func<string, string?> field)
    {
        long? seen = long.TryParse(field(RiskActions.Version), out var version) ? version : null;
        Action<Risk> act = actionId switch
        {
            RiskActions.ReviewAccept => r => r.RequestAcceptance(actor, CommandValues.Date(field(RiskActions.Until), "until"), field(RiskActions.Reason) ?? ""),
            RiskActions.ReviewEscalate => r => r.EscalateFromReview(actor),
            RiskActions.ReviewFund => r => r.Fund(actor, field(RiskActions.Note)),
            RiskActions.ReviewClose => r => r.Close(actor, CommandValues.Date(field(RiskActions.Date), "review")),
            _ => throw new RefusedException(RefusalKind.Invalid, $"The button `{actionId}` is not one I know; ask for a fresh card."),
        };
        var risk = await risks.ActAsync(id, act, seen);
        return Reply.ToChannel(RiskReviewCards.Item(risk, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), people));
    }

    private async Task<Reply> AddAsync(Actor actor, string? title, string? category, string? p, string? impact, string? customers, string? owner, string? sponsor, string? review)
    {
        var missing = new[] { ("a title", title), ("category:", category), ("p:", p), ("impact:", impact) }.Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
        if (missing.Count > 0) return Reply.Private(NewRiskCard.Build($"Missing: {string.Join(", ", missing)}."));
        if (!Enum.TryParse<RiskCategory>(category, ignoreCase: true, out var parsed) || int.TryParse(category, out _))
            throw new RefusedException(RefusalKind.Invalid, $"category:{category} is not one of {string.Join(", ", Enum.GetNames<RiskCategory>().Select(c => c.ToLowerInvariant()))}.");
        var (risk, defaulted) = await risks.AddAsync(actor, title!, parsed, RiskAmounts.Probability(p), RiskAmounts.Money(impact, "impact"), customers ?? "",
            owner, sponsor, review is null ? null : CommandValues.Date(review, "review"));
        var card = await CardAsync(risk);
        var note = defaulted ? $" {(owner is null ? "No owner was named" : $"owner:{owner} is not in the directory")}, so {people.NameOf(risk.Data.Owner)} (the default owner) owns it until someone takes it." : "";
        return new Reply(ReplyVisibility.Channel, $"{risk.Id} added: {RiskFormat.Rating(risk.Data.Rating)}, exposure {RiskFormat.Money(risk.Data.Exposure)}.{note}", card);
    }

    private Reply Shared(Risk risk) => Reply.ToChannel(RiskCard.Build(risk, people, e => e));

    private async Task<Card> CardAsync(Risk risk)
    {
        var resolved = new Dictionary<string, string>();
        foreach (var link in risk.Data.Evidence.Distinct()) resolved[link] = await ResolveAsync(link);
        return RiskCard.Build(risk, people, e => resolved.GetValueOrDefault(e, e));
    }

    /// <summary>INC-n names one of our incidents, shown as it stands; decisions and changes are named until their workflows exist.</summary>
    private async Task<string> ResolveAsync(string link)
    {
        if (!IncidentLink().IsMatch(link)) return link;
        try
        {
            var incident = await incidents.GetAsync(link);
            return $"{incident.Id} ({incident.Data.Severity.Label()} · {incident.Data.Title} · {incident.Data.State.ToString().ToLowerInvariant()})";
        }
        catch (RefusedException)
        {
            return $"{link} (no such incident)";
        }
    }

    private static string Evidence(string? link)
    {
        var value = link?.Trim() ?? "";
        if (IncidentLink().IsMatch(value) || RecordLink().IsMatch(value) || Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http") return value;
        throw new RefusedException(RefusalKind.Invalid, $"evidence:{link} is not evidence I can follow: give INC-n, DEC-YYYY-MM-DD-NN, CHG-n or an http(s) URL.");
    }

    private static string Id(CommandLine line) => line.Arguments.FirstOrDefault() is { } id && RiskId().IsMatch(id) ? id.ToUpperInvariant()
        : throw new RefusedException(RefusalKind.Invalid, $"Which risk? Name it like `/risk {line.Verb} RISK-3 …`; `/risk top` lists them.");

    private static int Number(string? text, string what) => int.TryParse(text, out var number) && number > 0 ? number
        : throw new RefusedException(RefusalKind.Invalid, $"Which {what}? Give its number, e.g. 1.");

    [GeneratedRegex("^RISK-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex RiskId();

    [GeneratedRegex("^INC-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex IncidentLink();

    [GeneratedRegex("^(DEC-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{2}|CHG-[0-9]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RecordLink();
}
