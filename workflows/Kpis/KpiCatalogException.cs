namespace ExecOps.Workflows.Kpis;

/// <summary>The catalog file is unusable; <see cref="Problems"/> names every fault, with where it is.</summary>
public sealed class KpiCatalogException(string path, IReadOnlyList<string> problems)
    : Exception($"The KPI catalog {path} is not valid:\n- {string.Join("\n- ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
