using ExecOps.Bot.Conversation;
using ExecOps.Cards;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.People;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Conversation;

/// <summary>Areas register their card actions and notification subjects by id; nothing is found by prefix, and no id has two owners.</summary>
public sealed class RegistryTests
{
    private sealed class Claims(string name, params string[] ids) : IChatArea
    {
        public CommandArea Area { get; } = new(name, "test", []);
        public IReadOnlyCollection<string> ActionIds => ids;
        public bool IsReadOnly(CommandLine line) => true;
        public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => Task.FromResult<IReadOnlyList<Reply>>([]);
    }

    [Fact]
    public void Two_areas_claiming_one_action_id_stop_start_up_naming_both() =>
        FluentActions.Invoking(() => Registry.ByKey([new Claims("risk", "risk.add"), new Claims("change", "change.new", "risk.add")], a => a.ActionIds, "card action"))
            .Should().Throw<InvalidOperationException>().WithMessage("The card action `risk.add` is claimed by both /risk and /change.");

    [Fact]
    public void The_bot_registers_every_area_s_action_ids_and_subjects_without_a_clash()
    {
        using var database = new TempDatabase();
        using var bot = new BotFactory(database);
        var areas = bot.Services.GetServices<IChatArea>().ToList();

        var actions = Registry.ByKey(areas, a => a.ActionIds, "card action");
        var subjects = Registry.ByKey(areas, a => a.SubjectKinds, "notification subject");

        actions.Keys.Should().Contain(["incident.resolve", "risk.acceptance.approve", "change.approve", "decision.approve", "kpi.change.approve", "scoreboard.commentary"]);
        subjects.Keys.Should().Contain(["incident", "risk-escalation", "change", "decision", "kpi-change", "variance-prompt"]);
    }
}
