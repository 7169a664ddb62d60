using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Bot.Teams;
using ExecOps.Bot.Teams.Auth;
using ExecOps.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExecOps.Tests.Bot.Teams;

public sealed class TeamsTokenValidatorTests : IAsyncLifetime
{
    private const string AppId = "5f0c3a52-9d4e-4c47-b0a2-7e1d2c9b6a10";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private readonly TestClock clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestOpenIdIssuer issuer = null!;

    public async Task InitializeAsync() => issuer = await TestOpenIdIssuer.StartAsync();

    public async Task DisposeAsync() => await issuer.DisposeAsync();

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var check = await Validator().ValidateAsync(Bearer(issuer.Mint(AppId, ServiceUrl, clock.Now)), ServiceUrl);

        check.IsValid.Should().BeTrue(check.Reason);
        check.Reason.Should().BeNull();
        check.Identity!.FindFirst("serviceurl")!.Value.Should().Be(ServiceUrl);
        check.Identity.FindFirst("aud")!.Value.Should().Be(AppId);
    }

    [Fact]
    public async Task A_request_without_an_Authorization_header_is_refused() =>
        await RefusedAsync(null, "no Authorization header");

    [Fact]
    public async Task A_token_sent_under_another_scheme_than_Bearer_is_refused() =>
        await RefusedAsync("Basic " + issuer.Mint(AppId, ServiceUrl, clock.Now), "not a Bearer token");

    [Fact]
    public async Task A_token_from_another_issuer_is_refused() =>
        await RefusedAsync(Bearer(issuer.Mint(AppId, ServiceUrl, clock.Now, issuer: "https://sts.windows.net/attacker/")),
            "issuer is not https://api.botframework.com");

    [Fact]
    public async Task A_token_for_another_app_id_is_refused() =>
        await RefusedAsync(Bearer(issuer.Mint("another-bots-app-id", ServiceUrl, clock.Now)), "audience is not this bot's app id");

    [Fact]
    public async Task A_token_expired_beyond_the_five_minute_skew_is_refused()
    {
        var token = issuer.Mint(AppId, ServiceUrl, clock.Now);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));

        await RefusedAsync(Bearer(token), "expired");
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_accepted()
    {
        var token = issuer.Mint(AppId, ServiceUrl, clock.Now);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(4));

        var check = await Validator().ValidateAsync(Bearer(token), ServiceUrl);

        check.IsValid.Should().BeTrue(check.Reason);
    }

    [Fact]
    public async Task A_token_not_valid_until_beyond_the_skew_is_refused() =>
        await RefusedAsync(Bearer(issuer.Mint(AppId, ServiceUrl, clock.Now + TimeSpan.FromMinutes(6))), "not valid yet");

    [Fact]
    public async Task A_token_signed_by_a_key_never_published_is_refused_after_one_refetch_of_the_keys()
    {
        var validator = Validator();
        await AcceptedAsync(validator, issuer.Mint(AppId, ServiceUrl, clock.Now));

        await RefusedAsync(validator, Bearer(issuer.MintWithUnknownKey(AppId, ServiceUrl, clock.Now)), "key the Bot Framework does not publish");
        issuer.MetadataRequests.Should().Be(2, "an unknown kid forces one refetch");

        await RefusedAsync(validator, Bearer(issuer.MintWithUnknownKey(AppId, ServiceUrl, clock.Now)), "key the Bot Framework does not publish");
        issuer.MetadataRequests.Should().Be(2, "forced refetches are at most one a minute");

        clock.Advance(TimeSpan.FromMinutes(1));
        await RefusedAsync(validator, Bearer(issuer.MintWithUnknownKey(AppId, ServiceUrl, clock.Now)), "key the Bot Framework does not publish");
        issuer.MetadataRequests.Should().Be(3, "a minute later an unknown kid may refetch again");
    }

    [Fact]
    public async Task A_token_signed_by_a_rotated_key_is_accepted_after_the_keys_are_refetched_once()
    {
        var validator = Validator();
        var before = issuer.Mint(AppId, ServiceUrl, clock.Now);
        await AcceptedAsync(validator, before);
        await AcceptedAsync(validator, issuer.Mint(AppId, ServiceUrl, clock.Now));
        issuer.MetadataRequests.Should().Be(1, "keys are cached, not fetched per request");

        issuer.RotateKey();
        var after = issuer.Mint(AppId, ServiceUrl, clock.Now);
        await AcceptedAsync(validator, after);
        issuer.MetadataRequests.Should().Be(2, "the new kid made the validator refetch once");

        await AcceptedAsync(validator, after);
        await AcceptedAsync(validator, before);
        issuer.MetadataRequests.Should().Be(2, "the refetched keys are cached again, the old key among them");
    }

    [Fact]
    public async Task An_unsigned_token_is_refused() =>
        await RefusedAsync(Bearer(issuer.MintUnsigned(AppId, ServiceUrl, clock.Now)), "not signed");

    [Fact]
    public async Task A_token_whose_payload_was_tampered_with_is_refused()
    {
        var parts = issuer.Mint(AppId, ServiceUrl, clock.Now).Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["exp"] = clock.Now.AddDays(30).ToUnixTimeSeconds();
        var tampered = string.Join('.', parts[0], Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())), parts[2]);

        await RefusedAsync(Bearer(tampered), "signature does not match");
    }

    [Fact]
    public async Task A_token_for_another_serviceUrl_is_refused() =>
        await RefusedAsync(Bearer(issuer.Mint(AppId, "https://attacker.example/", clock.Now)),
            "serviceurl claim does not match the activity's serviceUrl");

    [Fact]
    public async Task A_token_without_a_serviceurl_claim_is_refused() =>
        await RefusedAsync(Bearer(issuer.Mint(AppId, ServiceUrl, clock.Now, includeServiceUrl: false)), "no serviceurl claim");

    [Fact]
    public async Task The_serviceUrl_is_compared_case_insensitively_and_the_claim_may_be_spelled_serviceUrl()
    {
        var validator = Validator();
        var camelCase = issuer.Mint(AppId, ServiceUrl, clock.Now, extraClaims: new Dictionary<string, object> { ["serviceUrl"] = ServiceUrl }, includeServiceUrl: false);

        (await validator.ValidateAsync(Bearer(issuer.Mint(AppId, ServiceUrl, clock.Now)), ServiceUrl.ToUpperInvariant())).IsValid.Should().BeTrue();
        (await validator.ValidateAsync(Bearer(camelCase), ServiceUrl)).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task The_recorded_Teams_request_is_refused_because_its_token_expired_without_refetching_keys()
    {
        var recorded = JsonNode.Parse(SharedExternal.Read("teams/recorded-request-message-channel-mention.json"))!;
        var validator = Validator(appId: "eac5e5c6-ab14-4f50-80cb-49213fe51b1a");

        var check = await validator.ValidateAsync((string)recorded["headers"]!["authorization"]!, (string)recorded["body"]!["serviceUrl"]!);

        check.IsValid.Should().BeFalse();
        check.Reason.Should().Contain("expired");
        issuer.MetadataRequests.Should().Be(1, "an expired token naming a key we lack is no reason to refetch the keys");
    }

    [Fact]
    public async Task Keys_that_cannot_be_fetched_refuse_the_token_without_throwing()
    {
        var validator = Validator(metadataUrl: "http://127.0.0.1:1/v1/.well-known/openidconfiguration");

        await RefusedAsync(validator, Bearer(issuer.Mint(AppId, ServiceUrl, clock.Now)), "signing keys could not be fetched");
    }

    [Fact]
    public void A_plain_http_metadata_url_off_loopback_is_a_configuration_error()
    {
        var create = () => Validator(metadataUrl: "http://login.botframework.com/v1/.well-known/openidconfiguration");

        create.Should().Throw<InvalidOperationException>().WithMessage("*must use https*");
    }

    private TeamsTokenValidator Validator(string appId = AppId, string? metadataUrl = null) =>
        new(Options.Create(new TeamsSettings { AppId = appId, OpenIdMetadataUrl = metadataUrl ?? issuer.MetadataUrl }),
            clock, NullLogger<TeamsTokenValidator>.Instance);

    private static string Bearer(string token) => "Bearer " + token;

    private async Task RefusedAsync(string? header, string reason) => await RefusedAsync(Validator(), header, reason);

    private static async Task RefusedAsync(TeamsTokenValidator validator, string? header, string reason)
    {
        var check = await validator.ValidateAsync(header, ServiceUrl);

        check.IsValid.Should().BeFalse();
        check.Identity.Should().BeNull();
        check.Reason.Should().Contain(reason);
    }

    private static async Task AcceptedAsync(TeamsTokenValidator validator, string token)
    {
        var check = await validator.ValidateAsync(Bearer(token), ServiceUrl);
        check.IsValid.Should().BeTrue(check.Reason);
    }

    /// <summary>Lifetime and key-refresh checks read this clock, so tests move it instead of waiting.</summary>
    private sealed class TestClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; private set; } = start;

        public void Advance(TimeSpan by) => Now += by;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
