namespace ExecOps.Workflows.Decisions;

/// <summary>What a person asked of the decision log, parsed from the command grammar or a form.</summary>
public abstract record DecisionRequest;

/// <summary>`/decision new` without its title, owner, approver or budget: the form opens, saying what is missing.</summary>
public sealed record OpenDecisionForm(IReadOnlyList<string> Missing) : DecisionRequest;

public sealed record ProposeDecision(DecisionDraft Draft) : DecisionRequest;
public sealed record ShowDecision(string DecisionId) : DecisionRequest;
public sealed record ExportDecisions(DateOnly? Since) : DecisionRequest;

/// <summary>The log as YAML, as `/decision export` writes it.</summary>
public sealed record ImportDecisions(string Yaml) : DecisionRequest;

/// <summary>The approver's press on the decision's card, at the version its reader saw.</summary>
public sealed record DecideDecision(string DecisionId, bool Approve, long? Seen) : DecisionRequest;
