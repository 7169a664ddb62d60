namespace ExecOps.Bot.Slack.SocketMode;

/// <summary>How the Socket Mode connections stand, for `/healthz`: how many are open now, and how often they opened and closed.</summary>
public sealed class SocketModeConnections
{
    private int open;
    private long opened;
    private long closed;
    private long envelopes;

    public int Open => Volatile.Read(ref open);
    public long Opened => Interlocked.Read(ref opened);
    public long Closed => Interlocked.Read(ref closed);
    public long Envelopes => Interlocked.Read(ref envelopes);

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
}
