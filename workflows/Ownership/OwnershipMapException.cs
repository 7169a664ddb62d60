using ExecOps.Workflows.Catalogs;

namespace ExecOps.Workflows.Ownership;

/// <summary>The ownership map file is unusable; every fault is named, with where it is.</summary>
public sealed class OwnershipMapException(string path, IReadOnlyList<string> problems) : CatalogException("ownership map", path, problems);
