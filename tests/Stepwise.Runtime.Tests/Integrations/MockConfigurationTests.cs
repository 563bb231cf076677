using Stepwise.Hosting;
using Stepwise.Integrations;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Integrations;

public sealed class MockConfigurationTests
{
    private static readonly MockConfiguration s_mocks = MockConfiguration.Parse(Asl.Json("""
        {'StateMachines':{'Machine':{'TestCases':{
            'HappyPath':{'Call':'Ok'},
            'Flaky':{'Call':'FailTwiceThenOk'}}}},
         'MockedResponses':{
            'Ok':{'0':{'Return':{'StatusCode':200,'Payload':{'n':1}}}},
            'FailTwiceThenOk':{'0-1':{'Throw':{'Error':'Lambda.TooManyRequestsException','Cause':'slow down'}},'2':{'Return':'third time'}}}}
        """));

    private const string Definition = """
        {'StartAt':'Call','States':{'Call':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',
          'Parameters':{'FunctionName':'f'},'Retry':[{'ErrorEquals':['Lambda.TooManyRequestsException'],'MaxAttempts':3}],'End':true}}}
        """;

    [Theory]
    [InlineData(0, "Throw")]
    [InlineData(1, "Throw")]
    [InlineData(2, "Return")]
    [InlineData(9, "Return")]
    public void Repetition_keys_index_the_invocation_count_and_the_last_response_repeats(int attempt, string expected)
    {
        Assert.True(s_mocks.TryGetResponse("Machine", "Flaky", "Call", attempt, out var response));

        Assert.Equal(expected, response.IsThrow ? "Throw" : "Return");
    }

    [Fact]
    public void A_state_outside_the_test_case_is_not_mocked()
    {
        Assert.False(s_mocks.TryGetResponse("Machine", "HappyPath", "Other", 0, out _));
        Assert.False(s_mocks.TryGetResponse("Other", "HappyPath", "Call", 0, out _));
        Assert.True(s_mocks.HasTestCase("Machine", "Flaky"));
    }

    [Fact]
    public async Task A_mocked_Lambda_returns_the_Return_value_as_the_task_result()
    {
        await using var engine = Engines.Create(s_mocks);

        var result = await engine.RunAsync(Asl.Json(Definition), Asl.Json("{}"), new RunOptions { StateMachineName = "Machine", MockTestCase = "HappyPath" });

        Assert.Equal("""{"StatusCode":200,"Payload":{"n":1}}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task Thrown_mock_responses_are_retried_like_real_failures()
    {
        await using var engine = Engines.Create(s_mocks);

        var result = await engine.RunAsync(Asl.Json(Definition), Asl.Json("{}"), new RunOptions { StateMachineName = "Machine", MockTestCase = "Flaky" });

        Assert.Equal("\"third time\"", Engines.OutputText(result));
        Assert.Equal(2, result.History.Count(e => e.Type == "TaskFailed"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{'MockedResponses':{'R':{'zero':{'Return':1}}}}")]
    [InlineData("{'MockedResponses':{'R':{'0':{'Nothing':1}}}}")]
    [InlineData("{'StateMachines':{'M':{'TestCases':{'C':{'S':'Missing'}}}},'MockedResponses':{}}")]
    public void An_invalid_configuration_throws_FormatException(string json)
    {
        Assert.Throws<FormatException>(() => MockConfiguration.Parse(Asl.Json(json)));
    }
}
