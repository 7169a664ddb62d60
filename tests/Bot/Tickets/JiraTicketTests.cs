using System.Text;
using System.Text.Json.Nodes;
using ExecOps.Tests.Support;
using ExecOps.Workflows.Tasks;

namespace ExecOps.Tests.Bot.Tickets;

/// <summary>Follow-up tasks opened as Jira Cloud issues through the outbox, against a fake Jira answering with Atlassian's documented examples.</summary>
public sealed class JiraTicketTests : IAsyncLifetime
{
    private const string Email = "ops-bot@example.com";
    private const string Token = "test-jira-api-token";
    private readonly TempDatabase database = new();
    private FakeJira jira = null!;
    private BotFactory bot = null!;
    private PlaygroundClient playground = null!;

    public async Task InitializeAsync()
    {
        jira = await FakeJira.StartAsync();
        bot = new BotFactory(database, settings: new()
        {
            ["Tickets:Jira:BaseUrl"] = jira.Url, ["Tickets:Jira:Email"] = Email, ["Tickets:Jira:ApiToken"] = Token,
            ["Tickets:Jira:Project"] = "OPS", ["Tickets:Jira:IssueType"] = "Task",
        });
        playground = bot.Playground();
    }

    public async Task DisposeAsync()
    {
        bot.Dispose();
        await jira.DisposeAsync();
        database.Dispose();
    }

    private Task<FollowUp> TaskAsync(string id = "TASK-1") => bot.AggregateAsync<FollowUp>(FollowUp.Kind, id);

    private Task RetryWaitingAsync() => bot.RetryWaitingAsync(FollowUps.Tickets, "the ticket to wait for its retry");

    [Fact]
    public async Task A_task_added_by_hand_opens_exactly_one_issue_even_when_the_first_attempt_gets_a_503()
    {
        jira.Then(JiraAnswer.Unavailable);

        var reply = await playground.OneAsync("alice", "/tasks add \"Rotate the card-vault keys\" owner:@priya due:2026-12-15");

        reply.Text.Should().StartWith("Opened TASK-1 for Priya");
        await Eventually.Until(() => Task.FromResult(jira.Calls), c => c.Count == 1, "the first attempt");
        await RetryWaitingAsync();
        bot.Clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.Until(() => TaskAsync(), t => t.Ticket is not null, "the issue key on the task");
        await bot.DrainOutboxAsync();

        jira.Calls.Should().HaveCount(2, "the 503 was retried once Retry-After passed");
        jira.Issues.Should().ContainSingle();
        var task = await TaskAsync();
        (task.Ticket, task.TicketUrl).Should().Be(("ED-24", $"{jira.Url}/browse/ED-24"));
        (await playground.OneAsync("priya", "/tasks")).Text.Should().Contain("TASK-1").And.Contain("ED-24");
        jira.Calls[^1].Authorization.Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{Token}")));
    }

    [Fact]
    public async Task The_issue_has_the_documented_shape_with_the_project_the_issue_type_and_an_ADF_description()
    {
        await playground.OneAsync("alice", "/tasks add \"Rotate the card-vault keys\" owner:@priya due:2026-12-15");
        await Eventually.Until(() => TaskAsync(), t => t.Ticket is not null, "the issue key on the task");

        var fields = jira.Calls.Single().Body["fields"]!.AsObject();
        var documented = JsonNode.Parse(SharedExternal.Read("jira/create-issue.request.atlassian-openapi.json"))!["fields"]!.AsObject();
        fields["project"]!.ToJsonString().Should().Be("""{"key":"OPS"}""");
        fields["issuetype"]!.ToJsonString().Should().Be("""{"name":"Task"}""");
        ((string)fields["summary"]!).Should().Be("TASK-1: Rotate the card-vault keys");
        fields.Select(f => f.Key).Should().BeSubsetOf(documented.Select(f => f.Key), "every field sent is one the create-issue example documents");
        var description = fields["description"]!.AsObject();
        ((string?)description["type"], (int?)description["version"]).Should().Be(("doc", 1));
        string Shape(JsonNode node) => string.Join(",", node.AsObject().Select(p => p.Key).Order());
        Shape(description).Should().Be(Shape(documented["description"]!));
        Shape(description["content"]![0]!).Should().Be(Shape(documented["description"]!["content"]![0]!));
        var texts = description["content"]!.AsArray().SelectMany(p => p!["content"]!.AsArray()).ToList();
        texts.Should().OnlyContain(t => (string?)t!["type"] == "text" && ((string?)t["text"])!.Length > 0, "ADF text nodes are never empty");
        description.ToJsonString().Should().Contain("due 2026-12-15").And.Contain("\"type\":\"link\"").And.Contain("/tasks done TASK-1");
    }

    [Fact]
    public async Task A_400_is_parked_with_Jiras_own_errors_and_the_owner_is_told()
    {
        jira.Then(JiraAnswer.Refused);

        await playground.OneAsync("alice", "/tasks add \"Rotate the card-vault keys\" owner:@priya");

        await playground.HearsAsync("priya", "TASK-1 could not be opened in Jira: Field 'priority' is required");
        var health = await Eventually.Until(() => Health.ReadAsync(playground.Http), h => (long?)h["outbox"]?["failed"] == 1, "the parked ticket in /healthz");
        ((string?)health["outbox"]!["status"]).Should().Be("degraded");
        jira.Calls.Should().ContainSingle("a refusal is not retried");
        (await TaskAsync()).Ticket.Should().BeNull();
    }

    [Fact]
    public async Task An_issue_created_whose_answer_was_lost_is_found_again_not_opened_twice()
    {
        jira.Then(JiraAnswer.CreatedAndLost);

        await playground.OneAsync("alice", "/tasks add \"Rotate the card-vault keys\" owner:@priya");
        await Eventually.Until(() => Task.FromResult(jira.Calls), c => c.Count == 1, "the first attempt");
        await RetryWaitingAsync();
        bot.Clock.Advance(TimeSpan.FromMinutes(10));
        await Eventually.Until(() => TaskAsync(), t => t.Ticket is not null, "the issue key on the task");

        jira.Issues.Should().ContainSingle();
        jira.Calls.Should().ContainSingle("the retry found the issue by the task's label");
        (await TaskAsync()).Ticket.Should().Be("ED-24");
    }

    [Theory]
    [InlineData("/tasks add owner:@priya", "say what is to be done")]
    [InlineData("/tasks add \"Rotate keys\"", "owner: must name who does it")]
    [InlineData("/tasks add \"Rotate keys\" owner:@nobody-here", "There is nobody called `nobody-here`")]
    [InlineData("/tasks add \"Rotate keys\" owner:@priya due:tomorrow", "due:tomorrow must be a date written YYYY-MM-DD")]
    [InlineData("/tasks add \"Rotate keys\" owner:@priya due:2020-01-01", "is in the past")]
    public async Task A_task_the_bot_cannot_open_is_refused_with_what_to_fix_and_nothing_is_sent(string command, string detail)
    {
        (await playground.OneAsync("alice", command)).Text.Should().Contain(detail);

        await bot.DrainOutboxAsync();
        jira.Calls.Should().BeEmpty();
    }
}
