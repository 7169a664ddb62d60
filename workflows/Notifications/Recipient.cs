namespace ExecOps.Workflows.Notifications;

/// <summary>Where a notification goes: a person's direct messages, a named channel (written with a leading #), or an outbound webhook (webhook:name).</summary>
public readonly record struct Recipient(string Address)
{
    public static Recipient Person(string personId) => new(personId);

    public static Recipient Channel(string name) => new("#" + name.TrimStart('#'));

    public static Recipient Webhook(string name) => new("webhook:" + name);

    public bool IsChannel => Address.StartsWith('#');

    public bool IsWebhook => Address.StartsWith("webhook:", StringComparison.Ordinal);

    public string Name => Address.TrimStart('#');

    public override string ToString() => Address;
}
