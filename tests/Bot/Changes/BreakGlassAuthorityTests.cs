using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Changes;

/// <summary>
/// Who may break glass (the service's owner or approver, or an incident commander), and the signed
/// grant and revocation an identity system receives on `Webhooks:breakglass` (a fake receiver on loopback).
/// </summary>
public sealed class BreakGlassAuthorityTests() : WebhookBotTest("breakglass", "breakglass-secret")
{
    [Theory]
    [InlineData("lee")]
    [InlineData("bob")]
    public async Task Someone_with_no_role_on_the_service_is_refused_whatever_the_reason_and_the_refusal_is_audited(string who)
    {
        var refusal = await Playground.OneAsync(who, "/breakglass service:payments reason:\"curious\" duration:1h");

        refusal.Text.Should().Contain("may not break glass on payments: emergency access is for the service's owner or approver, or an incident commander");
        (await Playground.OneAsync("ceo", "/breakglass list")).Text.Should().Be("No emergency access is active.");
        await Bot.DrainOutboxAsync();
        Webhook.Calls.Should().BeEmpty();
        await using var unit = await Bot.Services.GetRequiredService<Store>().BeginAsync();
        (await unit.Audit.ListAsync()).Should().Contain(a => a.Actor == who && a.Outcome == AuditRows.Refused && a.Action.StartsWith("/breakglass"));
    }

    [Fact]
    public async Task An_incident_commander_may_break_glass_and_the_identity_system_gets_the_signed_grant_then_its_revocation()
    {
        (await Playground.OneAsync("alice", "/breakglass service:payments reason:\"Sev1: card vault locked\" duration:1h")).Text.Should().StartWith("BG-1: you have emergency access");

        var grant = (await Webhook.WaitForAsync("the grant")).Single();
        grant.IsSignedWith(Secret).Should().BeTrue();
        ((string)JsonNode.Parse(grant.Body)!["summary"]!).Should().Be(
            "grant BG-1: alice (alice.chen@example.com) may use payments from 2026-11-02T09:00:00Z until 2026-11-02T10:00:00Z. Reason: Sev1: card vault locked");

        await Bot.ArmedAsync("breakglass/BG-1/expiry");
        Bot.Clock.Advance(TimeSpan.FromHours(1));
        var calls = await Eventually.Until(() => Task.FromResult(Webhook.Calls), c => c.Count == 2, "the revocation");
        ((string)JsonNode.Parse(calls[1].Body)!["summary"]!).Should().Be("revoke BG-1: alice no longer uses payments, since 2026-11-02T10:00:00Z.");
        calls[1].IsSignedWith(Secret).Should().BeTrue();
    }

}
