namespace ExecOps.Bot.Slack.SocketMode;

/// <summary>
/// How the Socket Mode connections stand, for `/healthz`: how many are open now, how often they opened and closed, and the
/// last thing that went wrong (Slack's own words, never a token), so an operator sees why none is open.
/// </summary>
public sealed class SocketModeConnections
{
    private int open;
    private long opened;
    private long closed;
    private long envelopes;
    private string? problem;

    public int Open => Volatile.Read(ref open);
    public long Opened => Interlocked.Read(ref opened);
    public long Closed => Interlocked.Read(ref closed);
    public long Envelopes => Interlocked.Read(ref envelopes);
    public string? LastProblem => Volatile.Read(ref problem);

    public void Up()
    {
        Interlocked.Increment(ref open);
        Interlocked.Increment(ref opened);
    }

    public void Down()
    {
        Interlocked.Decrement(ref open);
        Interlocked.Increment(ref closed);
    }

    public void Acknowledged() => Interlocked.Increment(ref envelopes);

    public void Failed(string what) => Volatile.Write(ref problem, what);

    /// <summary>ok with every connection open, degraded with some, down with none (nothing from Slack can arrive).</summary>
    public string Status(int wanted) => Open >= wanted ? "ok" : Open > 0 ? "degraded" : "down";
}
