using ExecOps.Bot.Api;
using ExecOps.Cards;
using ExecOps.Cards.Contracts;
using ExecOps.Workflows;
using ExecOps.Workflows.Commands;
using ExecOps.Workflows.Contracts;
using ExecOps.Workflows.Notifications;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>`/contract`: a typed request to the contract service, and the result as cards.</summary>
public sealed class ContractArea(ContractService contracts, PeopleDirectory people, TimeProvider clock) : IChatArea
{
    public CommandArea Area => ContractCommands.Area;

    /// <summary>Contracts, their penalties and their gaps are the company's own: nothing here is for strangers.</summary>
    public bool IsReadOnly(CommandLine line) => false;

    public Task<IReadOnlyList<Reply>> HandleAsync(Actor actor, CommandLine line) => AnswerAsync(actor, ContractCommands.Parse(line));

    public IReadOnlyCollection<string> SubjectKinds { get; } = [Contract.Kind];

    public async Task<Card?> SubjectCardAsync(Subject subject) => ContractCards.Show(await contracts.GetAsync(subject.Id), people);

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Actor actor, ContractRequest request) => request switch
    {
        ImportContracts i => [Reply.Private(await ImportAsync(actor, i.Csv))],
        ShowContracts => [Reply.Private(ContractCards.List(await contracts.ListAsync(), people))],
        ShowContract s => [Reply.Private(ContractCards.Show(await contracts.GetAsync(s.ContractId), people))],
        ShowGaps => [Reply.Private(ContractCards.Gaps(await contracts.ListAsync(), people))],
        ShowUpcoming u => [Reply.Private(ContractCards.Upcoming(await contracts.ListAsync(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), u.Days, people))],
        AmendTier a => [await AmendAsync(actor, a)],
        _ => throw new InvalidOperationException($"No handler for {request.GetType().Name}."),
    };

    private async Task<string> ImportAsync(Actor actor, string csv)
    {
        var import = await contracts.ImportAsync(actor, ContractFormats.FromCsv(csv));
        if (import.Rejected.Count > 0)
            throw new RefusedException(RefusalKind.Invalid, $"Nothing was imported; fix these and send the whole CSV again:\n{string.Join("\n", import.Rejected.Select(r => $"• row {r.Index + 1} (after the header): {r.Reason}"))}");
        return ContractCards.Receipt(import.Receipts);
    }

    private async Task<Reply> AmendAsync(Actor actor, AmendTier amend)
    {
        var (contract, changes) = await contracts.AmendTierAsync(actor, amend.ContractId, amend.Tier);
        return new Reply(ReplyVisibility.Channel, $"{contract.Id} amended by {actor.Name}: {string.Join("; ", changes)}.", ContractCards.Show(contract, people));
    }
}
