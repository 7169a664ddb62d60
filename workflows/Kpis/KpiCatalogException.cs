using ExecOps.Workflows.Catalogs;

namespace ExecOps.Workflows.Kpis;

/// <summary>The KPI catalog file is unusable; <see cref="CatalogException.Problems"/> names every fault, with where it is.</summary>
public sealed class KpiCatalogException(string path, IReadOnlyList<string> problems) : CatalogException("KPI catalog", path, problems);
