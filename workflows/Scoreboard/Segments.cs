namespace ExecOps.Workflows.Scoreboard;

/// <summary>The customer segments of seed §2: ICP vs non-ICP, enterprise vs SMB, and the configured regions.</summary>
public sealed class Segments(IReadOnlyList<string> regions)
{
    public static readonly IReadOnlyList<string> IcpValues = ["icp", "non-icp"];
    public static readonly IReadOnlyList<string> SizeValues = ["enterprise", "smb"];

    public IReadOnlyList<string> Regions { get; } = regions.Select(r => r.Trim().ToLowerInvariant()).ToList();

    public IEnumerable<string> All => IcpValues.Concat(SizeValues).Concat(Regions);

    /// <summary>Applies one segment word (`icp`, `smb`, `emea`) to a slice; null when the word is no segment.</summary>
    public Slice? Apply(Slice slice, string word)
    {
        var value = word.Trim().ToLowerInvariant();
        if (IcpValues.Contains(value)) return slice with { Icp = value };
        if (SizeValues.Contains(value)) return slice with { Size = value };
        if (Regions.Contains(value)) return slice with { Region = value };
        return null;
    }

    public string List() => string.Join(", ", All);
}
