using System.Text.Json.Nodes;
using ExecOps.Bot.Teams;
using ExecOps.Bot.Teams.Connector;
using ExecOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ExecOps.Tests.Bot.Teams;

/// <summary>The outbound Connector client and its token, against the fake Connector and token endpoint on loopback.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Secret = "s3cret-app-password";
    private const string Channel = "19:abc@thread.tacv2;messageid=1617";

    private readonly ManualClock clock = new();
    private FakeConnector connector = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync() => connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task A_token_is_fetched_once_and_reused_for_many_calls()
    {
        var client = Client();
        for (var i = 0; i < 3; i++) await client.SendAsync(connector.ServiceUrl, Channel, Message("hello"));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.SendAsync(connector.ServiceUrl, Channel, Message("at once"))));

        connector.TokenRequests.Should().Be(1);
        connector.Calls.Should().HaveCount(13).And.OnlyContain(c => c.Authorization == "Bearer fake-token-1");
        var form = connector.LastTokenRequest!;
        form.Path.Should().Be("/botframework.com/oauth2/v2.0/token");
        form.Text("grant_type").Should().Be("client_credentials");
        form.Text("client_id").Should().Be("app-id");
        form.Text("client_secret").Should().Be(Secret);
        form.Text("scope").Should().Be("https://api.botframework.com/.default");
    }

    [Fact]
    public async Task A_token_is_renewed_five_minutes_before_it_expires()
    {
        var client = Client();
        await client.SendAsync(connector.ServiceUrl, Channel, Message("first"));
        clock.Advance(TimeSpan.FromMinutes(54));
        await client.SendAsync(connector.ServiceUrl, Channel, Message("still the first token"));
        connector.TokenRequests.Should().Be(1);

        clock.Advance(TimeSpan.FromMinutes(2));
        await client.SendAsync(connector.ServiceUrl, Channel, Message("a new token"));

        connector.TokenRequests.Should().Be(2);
        connector.Calls[^1].Authorization.Should().Be("Bearer fake-token-2");
    }

    [Fact]
    public async Task A_single_tenant_bot_asks_its_own_tenant_for_tokens()
    {
        await Client(tenantId: "contoso-tenant").SendAsync(connector.ServiceUrl, Channel, Message("hi"));

        connector.LastTokenRequest!.Path.Should().Be("/contoso-tenant/oauth2/v2.0/token");
    }

    [Fact]
    public async Task Refused_credentials_are_a_permanent_failure_that_names_the_settings_but_not_the_secret()
    {
        connector.RejectCredentials(true);

        var failure = await Client().Invoking(c => c.SendAsync(connector.ServiceUrl, Channel, Message("hi"))).Should().ThrowAsync<ConnectorException>();

        failure.Which.Permanent.Should().BeTrue();
        failure.Which.Status.Should().Be(401);
        failure.Which.Message.Should().Contain("Teams:AppId").And.Contain("Teams:AppPassword").And.Contain("invalid_client");
        failure.Which.ToString().Should().NotContain(Secret);
        connector.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Missing_credentials_are_a_permanent_failure_that_names_the_settings()
    {
        var failure = await Client(password: "").Invoking(c => c.SendAsync(connector.ServiceUrl, Channel, Message("hi"))).Should().ThrowAsync<ConnectorException>();

        failure.Which.Permanent.Should().BeTrue();
        failure.Which.Message.Should().Contain("Teams:AppPassword");
        connector.TokenRequests.Should().Be(0);
    }

    [Fact]
    public async Task Sending_posts_the_activity_to_the_conversation_with_the_bearer_token()
    {
        var id = await Client().SendAsync(connector.ServiceUrl, "a:personal-chat", Message("hello"));

        id.Should().Be("activity-1");
        var call = connector.Calls.Single();
        call.Should().BeEquivalentTo(new { HttpMethod = "POST", Path = "/v3/conversations/a:personal-chat/activities", Authorization = "Bearer fake-token-1" });
        call.Text("type").Should().Be("message");
        call.Text("text").Should().Be("hello");
    }

    [Fact]
    public async Task Replying_posts_to_the_activity_being_answered()
    {
        var id = await Client().ReplyAsync(connector.ServiceUrl, Channel, "1617", Message("in the thread"));

        id.Should().Be("activity-1");
        var call = connector.Calls.Single();
        call.Should().BeEquivalentTo(new { HttpMethod = "POST", Path = $"/v3/conversations/{Channel}/activities/1617", Authorization = "Bearer fake-token-1" });
        call.Text("text").Should().Be("in the thread");
        call.Text("replyToId").Should().Be("1617");
    }

    [Fact]
    public async Task Updating_puts_the_new_activity_in_place()
    {
        await Client().UpdateAsync(connector.ServiceUrl, Channel, "1:activity", Message("changed"));

        var call = connector.Calls.Single();
        call.Should().BeEquivalentTo(new { HttpMethod = "PUT", Path = $"/v3/conversations/{Channel}/activities/1:activity", Authorization = "Bearer fake-token-1" });
        call.Text("text").Should().Be("changed");
        call.Text("id").Should().Be("1:activity");
    }

    [Fact]
    public async Task A_personal_conversation_is_created_for_the_user_in_the_tenant()
    {
        var id = await Client().CreatePersonalConversationAsync(connector.ServiceUrl, "tenant-1", "28:bot", "29:user");

        id.Should().Be("a:personal-1");
        var call = connector.Calls.Single();
        call.Should().BeEquivalentTo(new { HttpMethod = "POST", Path = "/v3/conversations", Authorization = "Bearer fake-token-1" });
        JsonNode.DeepEquals(call.Body, JsonNode.Parse("""
            {"bot":{"id":"28:bot"},"members":[{"id":"29:user"}],"tenantId":"tenant-1","isGroup":false,"channelData":{"tenant":{"id":"tenant-1"}}}
            """)).Should().BeTrue(call.Body!.ToJsonString());
    }

    [Fact]
    public async Task Ids_with_colons_semicolons_at_signs_and_equals_signs_survive_the_round_trip()
    {
        await Client().UpdateAsync(connector.ServiceUrl, Channel, "1:x@y;z=1", Message("changed"));

        var call = connector.Calls.Single();
        call.Path.Should().Be($"/v3/conversations/{Channel}/activities/1:x@y;z=1");
        call.RawTarget.Should().EndWith("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1617/activities/1%3Ax%40y%3Bz%3D1");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_service_url_works_with_or_without_its_trailing_slash(bool slash)
    {
        var serviceUrl = slash ? connector.ServiceUrl : connector.ServiceUrl.TrimEnd('/');

        await Client().SendAsync(serviceUrl, Channel, Message("hi"));

        connector.Calls.Single().RawTarget.Should().StartWith("/amer/v3/conversations/");
    }

    [Fact]
    public async Task Throttling_passes_and_says_when_to_try_again()
    {
        connector.FailNext(429, TimeSpan.FromSeconds(7));

        var failure = await Client().Invoking(c => c.SendAsync(connector.ServiceUrl, Channel, Message("hi"))).Should().ThrowAsync<ConnectorException>();

        failure.Which.Should().BeEquivalentTo(new { Status = 429, Permanent = false, RetryAfter = TimeSpan.FromSeconds(7) });
    }

    [Fact]
    public async Task A_server_error_passes()
    {
        connector.FailNext(500);

        var failure = await Client().Invoking(c => c.ReplyAsync(connector.ServiceUrl, Channel, "1617", Message("hi"))).Should().ThrowAsync<ConnectorException>();

        failure.Which.Should().BeEquivalentTo(new { Status = 500, Permanent = false, RetryAfter = (TimeSpan?)null });
    }

    [Fact]
    public async Task An_unreachable_connector_passes()
    {
        var failure = await Client().Invoking(c => c.SendAsync("http://127.0.0.1:1/amer/", Channel, Message("hi"))).Should().ThrowAsync<ConnectorException>();

        failure.Which.Should().BeEquivalentTo(new { Status = (int?)null, Permanent = false });
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_refusal_is_permanent_and_names_the_conversation(int status)
    {
        connector.FailNext(status);

        var failure = await Client().Invoking(c => c.UpdateAsync(connector.ServiceUrl, Channel, "1617", Message("hi"))).Should().ThrowAsync<ConnectorException>();

        failure.Which.Should().BeEquivalentTo(new { Status = status, Permanent = true });
        failure.Which.Message.Should().Contain(Channel);
    }

    [Fact]
    public async Task A_member_is_read_with_their_directory_ids()
    {
        connector.AddMember(Channel, "29:ana", "Ana Lima", "aad-ana", "ana@example.com");

        var member = await Client().GetMemberAsync(connector.ServiceUrl, Channel, "29:ana");

        member.Should().Be(new TeamsMember("29:ana", "Ana Lima", "aad-ana", "ana@example.com"));
        connector.Calls.Single().Path.Should().Be($"/v3/conversations/{Channel}/members/29:ana");
    }

    [Fact]
    public async Task A_member_the_connector_does_not_know_is_null()
    {
        (await Client().GetMemberAsync(connector.ServiceUrl, Channel, "29:nobody")).Should().BeNull();
    }

    private ConnectorClient Client(string password = Secret, string? tenantId = null)
    {
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .Configure<TeamsSettings>(teams =>
            {
                teams.AppId = "app-id";
                teams.AppPassword = password;
                teams.TenantId = tenantId;
                teams.TokenEndpoint = connector.TokenEndpoint;
            });
        // Registered the way the bot registers them.
        collection.AddHttpClient(ConnectorTokens.HttpClientName);
        collection.AddSingleton<ConnectorTokens>();
        collection.AddHttpClient<ConnectorClient>();
        connector.AddTrust(collection);
        services = collection.BuildServiceProvider();
        return services.GetRequiredService<ConnectorClient>();
    }

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };
}
