namespace ExecOps.Tests.Support;

/// <summary>
/// Waits for something a background worker does (a reminder firing, the outbox draining). It is a
/// deadline for correctness, not a timing measurement: the timeout is generous and only a failure waits it out.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        do
        {
            last = await probe();
            if (done(last)) return last;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Gave up waiting for {what}; last seen: {last}");
    }
}
