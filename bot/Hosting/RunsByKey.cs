using System.Collections.Concurrent;

namespace ExecOps.Bot.Hosting;

/// <summary>
/// One run at a time per key: a caller asking for a key that is running joins that run. The run's task
/// is in the table before the run starts, and the run takes only itself out, so one that finishes at
/// once can never stay behind (a run that completed before GetOrAdd stored it once stayed for good).
/// </summary>
public sealed class RunsByKey<TResult>
{
    private readonly ConcurrentDictionary<string, Task<TResult>> running = new();

    /// <summary>How many runs are in hand now; after load it returns to none.</summary>
    public int Count => running.Count;

    public bool IsRunning(string key) => running.ContainsKey(key);

    public Task<TResult> RunAsync(string key, Func<Task<TResult>> work)
    {
        var run = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = running.GetOrAdd(key, run.Task);
        if (current != run.Task) return current;
        // The run leaves the table before its callers hear the outcome, so one that asks again (a sweep) finds it finished.
        _ = Task.Run(async () =>
        {
            try
            {
                var result = await work();
                running.TryRemove(KeyValuePair.Create(key, run.Task));
                run.SetResult(result);
            }
            catch (Exception e)
            {
                running.TryRemove(KeyValuePair.Create(key, run.Task));
                run.SetException(e);
            }
        });
        return run.Task;
    }
}
