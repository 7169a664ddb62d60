namespace ExecOps.Tests.Fuzz;

/// <summary>
/// One bad input for one route. <see cref="Refused"/> says the input is known to be wrong, so even a
/// 200 (a chat answer saying what was wrong) must leave the domain as it was; a generated variant
/// that happens to be valid may be taken, as long as nothing breaks.
/// </summary>
public sealed record FuzzCase(string Route, string Name, Func<FuzzBot, Task<HttpResponseMessage>> Send, bool Refused = true)
{
    public override string ToString() => $"{Route} · {Name}";
}
