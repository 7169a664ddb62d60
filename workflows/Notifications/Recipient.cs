namespace ExecOps.Workflows.Notifications;

/// <summary>Where a notification goes: a person's direct messages or a named channel (written with a leading #).</summary>
public readonly record struct Recipient(string Address)
{
    public static Recipient Person(string personId) => new(personId);

    public static Recipient Channel(string name) => new("#" + name.TrimStart('#'));

    public bool IsChannel => Address.StartsWith('#');

    public string Name => Address.TrimStart('#');

    public override string ToString() => Address;
}
