namespace ExecOps.Workflows.People;

/// <summary>The people the bot knows, looked up by any of the ids a platform hands us.</summary>
public sealed class PeopleDirectory
{
    private readonly IReadOnlyList<Person> people;

    public PeopleDirectory(IEnumerable<Person> people)
    {
        this.people = people.ToList();
        var duplicate = this.people.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"The directory lists the person id '{duplicate.Key}' more than once; ids must be unique.");
    }

    public IReadOnlyList<Person> All => people;

    /// <summary>By directory id, email or any platform handle, ignoring case and a leading @.</summary>
    public Person? Find(string? handle)
    {
        if (string.IsNullOrWhiteSpace(handle)) return null;
        var key = handle.Trim().TrimStart('@');
        return people.FirstOrDefault(p =>
            Same(p.Id, key) || Same(p.Email, key) || (p.Handles?.Values.Any(h => Same(h, key)) ?? false));
    }

    /// <summary>The person named, or a refusal that says how to name someone.</summary>
    public Person Require(string handle) => Find(handle)
        ?? throw new RefusedException(RefusalKind.NotFound, $"There is nobody called `{handle.TrimStart('@')}` in the directory. Use their directory id or email; `/people` lists everyone.");

    /// <summary>The person's name, or the id itself when nobody in the directory has it.</summary>
    public string NameOf(string id) => Find(id)?.Name ?? id;

    /// <summary>The person a platform knows by <paramref name="handle"/>.</summary>
    public Person? FindByHandle(string platform, string handle) => people.FirstOrDefault(p => Same(p.HandleOn(platform), handle));

    public Person? FindByEmail(string email) => people.FirstOrDefault(p => Same(p.Email, email));

    public Actor ActorFor(string handle) => Find(handle) is { } person ? Actor.For(person) : Actor.Stranger(handle);

    public IEnumerable<Person> WithRole(string role) => people.Where(p => p.Has(role));

    private static bool Same(string? a, string b) => a is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
