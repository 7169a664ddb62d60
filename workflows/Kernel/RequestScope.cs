namespace ExecOps.Workflows.Kernel;

/// <summary>
/// The platform's own id of the request being handled (a Teams activity id), for the length of it. The
/// kernel claims it in the unit of work of the request's first change, so a redelivered request that
/// finds it claimed changes nothing: the claim and the change commit together or not at all.
/// </summary>
public sealed class RequestScope : IDisposable
{
    private static readonly AsyncLocal<RequestScope?> Ambient = new();
    private readonly RequestScope? outer;

    private RequestScope(string key, InboxEntry? unkept)
    {
        Key = key;
        Unkept = unkept;
        outer = Ambient.Value;
        Ambient.Value = this;
    }

    public static RequestScope? Current => Ambient.Value;

    public string Key { get; }

    /// <summary>A request not yet in the inbox (a slash command answered in time): its first change keeps it there, handled.</summary>
    public InboxEntry? Unkept { get; }

    /// <summary>The request's first change holds the claim; later changes of the same request go with it.</summary>
    public bool Claimed { get; private set; }

    /// <summary>Another delivery of the same request had already claimed it, so this one was refused.</summary>
    public bool Duplicate { get; private set; }

    public static RequestScope Begin(string key, InboxEntry? unkept = null) => new(key, unkept);

    internal void MarkClaimed() => Claimed = true;

    internal void MarkDuplicate() => Duplicate = true;

    public void Dispose() => Ambient.Value = outer;
}

/// <summary>What the inbox keeps of a request: its kind, its key and its body.</summary>
public sealed record InboxEntry(string Source, string Key, string Payload);
