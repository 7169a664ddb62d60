namespace ExecOps.Bot.Notifications;

/// <summary>One chat platform's way out; <see cref="ChatPorts"/> fans a delivery out to every platform configured.</summary>
public interface IPlatformPort : IChatPort
{
    string Platform { get; }
}
