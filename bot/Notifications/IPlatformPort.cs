namespace ExecOps.Bot.Notifications;

/// <summary>One chat platform's way out; <see cref="ChatPorts"/> fans a delivery out to every platform configured.</summary>
public interface IPlatformPort : IChatPort
{
    string Platform { get; }

    /// <summary>Chat platforms take people and channels, and their own answers; an outbound webhook takes only its own address.</summary>
    bool Accepts(Workflows.Notifications.Recipient to) => to.IsAnswer ? to.AnswerPlatform == Platform : !to.IsWebhook;
}
