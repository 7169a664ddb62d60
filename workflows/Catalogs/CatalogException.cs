namespace ExecOps.Workflows.Catalogs;

/// <summary>A catalog file is unusable; <see cref="Problems"/> names every fault, with where it is.</summary>
public class CatalogException(string catalog, string path, IReadOnlyList<string> problems)
    : Exception($"The {catalog} {path} is not valid:\n- {string.Join("\n- ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
