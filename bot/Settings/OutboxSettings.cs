namespace ExecOps.Bot.Settings;

/// <summary>Section `Outbox`: how the dispatcher retries deliveries.</summary>
public sealed class OutboxSettings
{
    /// <summary>Whether this process delivers; off for a replica that should only take commands, or a test that dispatches by hand.</summary>
    public bool Dispatch { get; set; } = true;

    public int MaxAttempts { get; set; } = 8;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>With replicas: how long the delivering replica's lease runs unrenewed, so how soon another takes over when it dies.</summary>
    public TimeSpan LeaseTerm { get; set; } = TimeSpan.FromSeconds(10);
}
