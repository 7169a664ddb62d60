namespace ExecOps.Workflows.Notifications;

/// <summary>
/// Where a notification goes: a person's direct messages, a named channel (written with a leading #),
/// an outbound webhook (webhook:name), or a platform's own answer to a request (answer:slack), whose
/// text is the platform call itself, already rendered.
/// </summary>
public readonly record struct Recipient(string Address)
{
    public static Recipient Person(string personId) => new(personId);

    public static Recipient Channel(string name) => new("#" + name.TrimStart('#'));

    public static Recipient Webhook(string name) => new("webhook:" + name);

    /// <summary>An answer on <paramref name="platform"/>, in the lane of one conversation there: a lane's answers go in order.</summary>
    public static Recipient Answer(string platform, string lane) => new($"answer:{platform}:{lane}");

    public bool IsAnswer => Address.StartsWith("answer:", StringComparison.Ordinal);

    /// <summary>The platform an answer is for; null for every other recipient.</summary>
    public string? AnswerPlatform => IsAnswer ? Address["answer:".Length..].Split(':')[0] : null;

    public bool IsChannel => Address.StartsWith('#');

    public bool IsWebhook => Address.StartsWith("webhook:", StringComparison.Ordinal);

    public string Name => Address.TrimStart('#');

    public override string ToString() => Address;
}
