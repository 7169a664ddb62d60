using ExecOps.Cards;
using ExecOps.Cards.Compliance;
using ExecOps.Workflows.Compliance;
using ExecOps.Workflows.People;

namespace ExecOps.Bot.Conversation;

/// <summary>The vendor register's answers.</summary>
public sealed partial class ComplianceArea
{
    private async Task<Reply> AddVendorAsync(Actor actor, AddVendor add)
    {
        var vendor = await vendors.AddAsync(actor, add.Name, add.Region, add.Data, add.Dpa, add.Owner, add.Review, add.Purpose);
        var raised = vendor.Data.RaisedRisk is { } risk
            ? $" It holds {Vendor.CatalogWords(vendor.Data.Data)} data without a DPA, so it is flagged and raised as {risk} in the risk register."
            : "";
        return new Reply(ReplyVisibility.Channel, $"{vendor.Id} {vendor.Data.Name} added to the vendor register.{raised}", VendorCards.Show(vendor, people));
    }
}
