namespace ExecOps.Tests.Support;

/// <summary>
/// What a long end-to-end test counted, for the CI log: written to the folder `EXECOPS_SUMMARIES` names
/// (.ci/run sets it and prints what is there once the tests are done). A passing test's output is otherwise not shown.
/// </summary>
public static class Summary
{
    public static void Write(string name, string text)
    {
        if (Environment.GetEnvironmentVariable("EXECOPS_SUMMARIES") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), text.TrimEnd() + "\n");
    }
}
