namespace ExecOps.Workflows.People;

/// <summary>
/// Who is acting. A person the directory does not know still gets an actor, so that read-only
/// commands work for them and refusals can name them in the audit log.
/// </summary>
public sealed record Actor(string Id, string Name, Person? Person)
{
    public bool IsKnown => Person is not null;

    public bool Has(string role) => Person?.Has(role) ?? false;

    public static Actor For(Person person) => new(person.Id, person.Name, person);

    public static Actor Stranger(string platformId, string? name = null) => new(platformId, name ?? platformId, null);

    public static readonly Actor System = new("execops-bot", "ExecOps.Bot", null);
}
