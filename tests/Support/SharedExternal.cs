namespace ExecOps.Tests.Support;

/// <summary>
/// The material nobody here wrote (payloads, vectors and schemas), copied verbatim into tests/external
/// with where each file came from and its licence in tests/external/SOURCES.md.
/// </summary>
public static class SharedExternal
{
    public static string Folder => Path.GetFullPath(Path.Combine(JsonSchemaValidator.SchemasFolder, ".."));

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    public static string RepoFile(string relativePath) => File.ReadAllText(Path.Combine(RepoRoot, relativePath));

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ExecOps.Bot.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("ExecOps.Bot.sln not found above the test output.");
        }
    }
}
