namespace ExecOps.Bot.Settings;

/// <summary>Section `Storage`.</summary>
public sealed class StorageSettings
{
    /// <summary>The SQLite file; relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = "data/execops.db";
}
