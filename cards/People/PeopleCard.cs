using ExecOps.Workflows.People;

namespace ExecOps.Cards.People;

/// <summary>The directory: who is there and which roles they hold.</summary>
public static class PeopleCard
{
    public static Card Build(PeopleDirectory people)
    {
        var rows = people.All.Select(p => $"{p.Name} (@{p.Id}, {p.Email}): {(p.Roles.Count == 0 ? "no roles" : string.Join(", ", p.Roles.Order()))}").ToList();
        return new Card("People", [new ListBlock(rows)], []) { Subtitle = $"{rows.Count} in the directory" };
    }
}
