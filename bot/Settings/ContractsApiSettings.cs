namespace ExecOps.Bot.Settings;

/// <summary>Section `Contracts`, the part the import endpoint reads: the bearer token contract systems send.</summary>
public sealed class ContractsApiSettings
{
    public string? Token { get; set; }

    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
