using System.Text.Json.Nodes;

namespace ExecOps.Bot.Slack;

/// <summary>Handles one kind of Slack request taken into the inbox.</summary>
public interface ISlackInboxHandler
{
    string Source { get; }

    /// <summary>Does the work; returns the answer to give in the HTTP response if there is still time, or null.</summary>
    Task<JsonObject?> HandleAsync(string payload, CancellationToken cancel);

    /// <summary>
    /// Gives an answer that missed the HTTP response (slow work, or work resumed after a restart).
    /// Handlers that answer through the Web API themselves have nothing left to give.
    /// </summary>
    Task DeliverLateAsync(string payload, JsonObject answer, CancellationToken cancel) => Task.CompletedTask;
}
