namespace ExecOps.Bot.Conversation;

/// <summary>Areas register what they answer by id, as Bolt registers listeners; two areas claiming one id is a mistake caught at start-up.</summary>
public static class Registry
{
    public static IReadOnlyDictionary<string, IChatArea> ByKey(IEnumerable<IChatArea> areas, Func<IChatArea, IEnumerable<string>> keys, string what)
    {
        var registry = new Dictionary<string, IChatArea>(StringComparer.Ordinal);
        foreach (var area in areas)
            foreach (var key in keys(area))
                if (!registry.TryAdd(key, area))
                    throw new InvalidOperationException($"The {what} `{key}` is claimed by both /{registry[key].Area.Name} and /{area.Area.Name}.");
        return registry;
    }
}
