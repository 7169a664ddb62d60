using ExecOps.Tests.Support;
using ExecOps.Workflows;
using ExecOps.Workflows.Incidents;
using ExecOps.Workflows.Kernel;
using ExecOps.Workflows.People;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Storage;

/// <summary>
/// A request handled under its platform id claims that id in the unit of work of its first change, so a
/// second delivery that got past the first look (it came while the first was still running) changes nothing.
/// </summary>
public sealed class RequestClaimTests : BotTest
{
    [Fact]
    public async Task A_second_delivery_of_a_claimed_request_is_refused_and_stores_nothing()
    {
        var incidents = Bot.Services.GetRequiredService<IncidentService>();
        var alice = Actor.For(Bot.Services.GetRequiredService<PeopleDirectory>().Find("alice")!);

        using (var first = RequestScope.Begin("teams/conversation/activity-7"))
            await incidents.DeclareAsync(alice, Severity.Sev2, "Checkout 5xx", null, null);
        using var second = RequestScope.Begin("teams/conversation/activity-7");
        var again = () => incidents.DeclareAsync(alice, Severity.Sev2, "Checkout 5xx", null, null);

        await again.Should().ThrowAsync<RefusedException>().WithMessage("That request was already handled*");
        second.Duplicate.Should().BeTrue();
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Aggregates.ListAsync<IncidentData>(Incident.Kind)).Should().ContainSingle("the claim and the change commit together, so the second changes nothing");
    }
}
