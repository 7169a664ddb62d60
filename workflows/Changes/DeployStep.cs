namespace ExecOps.Workflows.Changes;

/// <summary>How far a deployment a pipeline reports has come: GitHub's `in_progress`, `success`, `failure`/`error`.</summary>
public enum DeployStep { Started, Succeeded, Failed }
