using Stepwise.Json;

namespace Stepwise.Api.Tests.Executions;

public sealed class ExecutionActionTests
{
    private const string WaitDefinition = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";

    [Fact]
    public async Task StartExecution_runs_to_the_end_and_DescribeExecution_reports_every_field()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("describe");

        var started = await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}","name":"run-1","input":"{\"a\":1}"}""");
        string arn = started["executionArn"]!.AsString();
        await server.Engine.WaitForExecutionAsync(arn);
        var described = await server.CallOkAsync("DescribeExecution", $$"""{"executionArn":"{{arn}}"}""");

        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:describe:run-1", arn);
        Assert.Equal(JsonValueKind.Number, started["startDate"]!.Kind);
        Assert.Equal("SUCCEEDED", described["status"]!.AsString());
        Assert.Equal("run-1", described["name"]!.AsString());
        Assert.Equal(machine, described["stateMachineArn"]!.AsString());
        Assert.Equal("""{"a":1}""", described["input"]!.AsString());
        Assert.Equal("""{"done":true}""", described["output"]!.AsString());
        Assert.True(described["inputDetails"]!.AsObject()["included"]!.AsBoolean());
        Assert.Equal("0", described["redriveCount"]!.ToJsonString());
        Assert.Equal("NOT_REDRIVABLE", described["redriveStatus"]!.AsString());
        Assert.Equal("Execution is SUCCEEDED and cannot be redriven", described["redriveStatusReason"]!.AsString());
        Assert.NotNull(described["stopDate"]);
    }

    [Theory]
    [InlineData("not some json", "Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'")]
    [InlineData("{'not': 'json'", "Invalid State Machine Execution Input: 'Unexpected character (''' (code 39)): was expecting double-quote to start field name'")]
    [InlineData("", "Invalid State Machine Execution Input: 'Invalid execution input.'")]
    public async Task StartExecution_with_input_that_is_not_JSON_answers_InvalidExecutionInput_in_AWS_words(string input, string expected)
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("input");

        string message = await server.CallFailsAsync("StartExecution",
            $$"""{"stateMachineArn":"{{machine}}","input":{{ApiServer.Quote(input)}}}""", "InvalidExecutionInput");

        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task StartExecution_with_input_over_256_KiB_answers_ValidationException()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("big");
        string input = ApiServer.Quote(ApiServer.Quote(new string('x', 256 * 1024)));

        string message = await server.CallFailsAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}","input":{{input}}}""", "ValidationException");

        Assert.Contains("at 'input'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartExecution_is_idempotent_for_a_running_execution_with_the_same_name_and_input()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("idempotent", WaitDefinition);
        string body = $$"""{"stateMachineArn":"{{machine}}","name":"once","input":"{\"x\":1}"}""";

        var first = await server.CallOkAsync("StartExecution", body);
        var second = await server.CallOkAsync("StartExecution", body);
        string message = await server.CallFailsAsync("StartExecution",
            $$"""{"stateMachineArn":"{{machine}}","name":"once","input":"{\"x\":2}"}""", "ExecutionAlreadyExists");

        Assert.Equal(first["executionArn"]!.AsString(), second["executionArn"]!.AsString());
        Assert.Equal(first["startDate"]!.ToJsonString(), second["startDate"]!.ToJsonString());
        Assert.Equal($"Execution Already Exists: '{first["executionArn"]!.AsString()}'", message);
    }

    [Fact]
    public async Task StartExecution_of_a_deleted_machine_answers_StateMachineDoesNotExist()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("deleted");
        await server.CallOkAsync("DeleteStateMachine", $$"""{"stateMachineArn":"{{machine}}"}""");

        string message = await server.CallFailsAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}"}""", "StateMachineDoesNotExist");

        Assert.Equal($"State Machine Does Not Exist: '{machine}'", message);
    }

    [Fact]
    public async Task StartExecution_with_a_bad_name_answers_InvalidName()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("names");

        string message = await server.CallFailsAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}","name":"a b"}""", "InvalidName");

        Assert.Equal("Invalid Name: 'a b'", message);
    }

    [Fact]
    public async Task StartSyncExecution_runs_an_Express_machine_and_returns_its_output()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("sync", type: "EXPRESS");

        var result = await server.CallOkAsync("StartSyncExecution", $$"""{"stateMachineArn":"{{machine}}","name":"now","input":"{}"}""");

        Assert.Equal("SUCCEEDED", result["status"]!.AsString());
        Assert.Equal("""{"done":true}""", result["output"]!.AsString());
        Assert.Equal("now", result["name"]!.AsString());
        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:express:sync:now:", result["executionArn"]!.AsString(), StringComparison.Ordinal);
        Assert.True(result["billingDetails"]!.AsObject()["billedDurationInMilliseconds"]!.AsNumber().TryGetInt64(out long billed) && billed >= 100);
    }

    [Fact]
    public async Task StartSyncExecution_of_a_Standard_machine_answers_StateMachineTypeNotSupported()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("standard");

        string message = await server.CallFailsAsync("StartSyncExecution", $$"""{"stateMachineArn":"{{machine}}"}""", "StateMachineTypeNotSupported");

        Assert.Equal("This operation is not supported by this type of state machine", message);
    }

    [Fact]
    public async Task StartExecution_of_an_Express_machine_returns_an_express_arn_that_the_describe_actions_reject()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("background", type: "EXPRESS");

        var started = await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}"}""");
        string arn = started["executionArn"]!.AsString();
        string describe = await server.CallFailsAsync("DescribeExecution", $$"""{"executionArn":"{{arn}}"}""", "InvalidArn");
        string stop = await server.CallFailsAsync("StopExecution", $$"""{"executionArn":"{{arn}}"}""", "InvalidArn");
        string list = await server.CallFailsAsync("ListExecutions", $$"""{"stateMachineArn":"{{machine}}"}""", "StateMachineTypeNotSupported");

        Assert.Contains(":express:background:", arn, StringComparison.Ordinal);
        Assert.Equal("Invalid Arn: 'Resource type not valid in this context: express'", describe);
        Assert.Equal(describe, stop);
        Assert.Equal("This operation is not supported by this type of state machine", list);
    }

    [Fact]
    public async Task StopExecution_aborts_a_running_execution_which_then_is_redrivable()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("stop", WaitDefinition);
        string arn = (await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}"}"""))["executionArn"]!.AsString();

        var stopped = await server.CallOkAsync("StopExecution", $$"""{"executionArn":"{{arn}}","error":"Halt","cause":"by test"}""");
        var described = await server.CallOkAsync("DescribeExecution", $$"""{"executionArn":"{{arn}}"}""");

        Assert.Equal(JsonValueKind.Number, stopped["stopDate"]!.Kind);
        Assert.Equal("ABORTED", described["status"]!.AsString());
        Assert.Equal("Halt", described["error"]!.AsString());
        Assert.Equal("by test", described["cause"]!.AsString());
        Assert.Equal("REDRIVABLE", described["redriveStatus"]!.AsString());
        Assert.Null(described["redriveStatusReason"]);
    }

    [Fact]
    public async Task ListExecutions_filters_by_status_and_pages()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("list", WaitDefinition);
        for (int i = 0; i < 3; i++)
        {
            await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}","name":"e{{i}}"}""");
        }

        await server.CallOkAsync("StopExecution", $$"""{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:list:e0"}""");

        var running = await server.CallOkAsync("ListExecutions", $$"""{"stateMachineArn":"{{machine}}","statusFilter":"RUNNING","maxResults":1}""");
        var next = await server.CallOkAsync("ListExecutions",
            $$"""{"stateMachineArn":"{{machine}}","statusFilter":"RUNNING","maxResults":1,"nextToken":{{running["nextToken"]!.ToJsonString()}}}""");
        var aborted = await server.CallOkAsync("ListExecutions", $$"""{"stateMachineArn":"{{machine}}","statusFilter":"ABORTED"}""");

        Assert.Equal("e2", running["executions"]!.AsArray()[0].AsObject()["name"]!.AsString());
        Assert.Equal("e1", next["executions"]!.AsArray()[0].AsObject()["name"]!.AsString());
        Assert.Equal("e0", Assert.Single(aborted["executions"]!.AsArray()).AsObject()["name"]!.AsString());
    }

    [Fact]
    public async Task ListExecutions_with_a_lowercase_status_answers_ValidationException_listing_the_enum()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("filter");

        string message = await server.CallFailsAsync("ListExecutions", $$"""{"stateMachineArn":"{{machine}}","statusFilter":"succeeded"}""",
            "ValidationException");

        Assert.Equal("1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]", message);
    }

    [Theory]
    [InlineData("ListExecutions", "stateMachineArn", "StateMachineDoesNotExist", "arn:aws:states:us-east-1:123456789012:stateMachine:none")]
    [InlineData("DescribeExecution", "executionArn", "ExecutionDoesNotExist", "arn:aws:states:us-east-1:123456789012:execution:none:x")]
    [InlineData("GetExecutionHistory", "executionArn", "ExecutionDoesNotExist", "arn:aws:states:us-east-1:123456789012:execution:none:x")]
    [InlineData("StopExecution", "executionArn", "ExecutionDoesNotExist", "arn:aws:states:us-east-1:123456789012:execution:none:x")]
    [InlineData("DescribeStateMachineForExecution", "executionArn", "ExecutionDoesNotExist", "arn:aws:states:us-east-1:123456789012:execution:none:x")]
    public async Task Actions_on_missing_resources_answer_DoesNotExist_quoting_the_arn(string action, string member, string error, string arn)
    {
        await using var server = await ApiServer.StartAsync();

        string message = await server.CallFailsAsync(action, $$"""{"{{member}}":"{{arn}}"}""", error);

        Assert.EndsWith($"Does Not Exist: '{arn}'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DescribeExecution")]
    [InlineData("GetExecutionHistory")]
    [InlineData("StopExecution")]
    public async Task Execution_actions_with_a_text_that_is_no_arn_answer_InvalidArn(string action)
    {
        await using var server = await ApiServer.StartAsync();

        string message = await server.CallFailsAsync(action, """{"executionArn":"invalid_state_machine_arn"}""", "InvalidArn");

        Assert.Equal("Invalid Arn: 'Invalid ARN prefix: invalid_state_machine_arn'", message);
    }

    [Fact]
    public async Task GetExecutionHistory_returns_AWS_events_oldest_first_or_reversed_and_without_data_on_request()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("history");
        string arn = (await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}","input":"{\"in\":1}"}"""))["executionArn"]!.AsString();
        await server.Engine.WaitForExecutionAsync(arn);

        var forward = await server.CallOkAsync("GetExecutionHistory", $$"""{"executionArn":"{{arn}}"}""");
        var reverse = await server.CallOkAsync("GetExecutionHistory", $$"""{"executionArn":"{{arn}}","reverseOrder":true,"maxResults":1}""");
        var bare = await server.CallOkAsync("GetExecutionHistory", $$"""{"executionArn":"{{arn}}","includeExecutionData":false}""");

        var events = forward["events"]!.AsArray();
        Assert.Equal("ExecutionStarted", events[0].AsObject()["type"]!.AsString());
        Assert.Equal("ExecutionSucceeded", events[events.Count - 1].AsObject()["type"]!.AsString());
        Assert.Equal("""{"in":1}""", events[0].AsObject()["executionStartedEventDetails"]!.AsObject()["input"]!.AsString());
        Assert.Equal("ExecutionSucceeded", Assert.Single(reverse["events"]!.AsArray()).AsObject()["type"]!.AsString());
        Assert.NotNull(reverse["nextToken"]);
        Assert.Null(bare["events"]!.AsArray()[0].AsObject()["executionStartedEventDetails"]!.AsObject()["input"]);
    }

    [Fact]
    public async Task DescribeStateMachineForExecution_returns_the_definition_the_execution_ran()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("for-execution");
        string arn = (await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}"}"""))["executionArn"]!.AsString();

        var described = await server.CallOkAsync("DescribeStateMachineForExecution", $$"""{"executionArn":"{{arn}}"}""");

        Assert.Equal(machine, described["stateMachineArn"]!.AsString());
        Assert.Equal(ApiServer.PassDefinition, described["definition"]!.AsString());
        Assert.Equal("for-execution", described["name"]!.AsString());
    }

    [Fact]
    public async Task RedriveExecution_reruns_a_failed_execution_and_counts_the_redrive()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("redrive", """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom"}}}""");
        string arn = (await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}"}"""))["executionArn"]!.AsString();
        await server.Engine.WaitForExecutionAsync(arn);
        var failed = await server.CallOkAsync("DescribeExecution", $$"""{"executionArn":"{{arn}}"}""");

        var redriven = await server.CallOkAsync("RedriveExecution", $$"""{"executionArn":"{{arn}}"}""");
        await server.Engine.WaitForExecutionAsync(arn);
        var described = await server.CallOkAsync("DescribeExecution", $$"""{"executionArn":"{{arn}}"}""");
        var listed = await server.CallOkAsync("ListExecutions", $$"""{"stateMachineArn":"{{machine}}"}""");

        Assert.Equal("REDRIVABLE", failed["redriveStatus"]!.AsString());
        Assert.Equal(JsonValueKind.Number, redriven["redriveDate"]!.Kind);
        Assert.Equal("1", described["redriveCount"]!.ToJsonString());
        Assert.Equal(redriven["redriveDate"]!.ToJsonString(), described["redriveDate"]!.ToJsonString());
        Assert.Equal("1", listed["executions"]!.AsArray()[0].AsObject()["redriveCount"]!.ToJsonString());
    }

    [Fact]
    public async Task ListExecutions_of_a_state_machine_with_a_redriveFilter_pages_over_the_executions_it_keeps()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("redrive-filter", """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom"}}}""");
        var arns = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            string arn = (await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}","name":"e{{i}}"}"""))["executionArn"]!.AsString();
            await server.Engine.WaitForExecutionAsync(arn);
            arns.Add(arn);
        }

        foreach (string arn in new[] { arns[0], arns[2] })
        {
            await server.CallOkAsync("RedriveExecution", $$"""{"executionArn":"{{arn}}"}""");
            await server.Engine.WaitForExecutionAsync(arn);
        }

        var first = await server.CallOkAsync("ListExecutions", $$"""{"stateMachineArn":"{{machine}}","redriveFilter":"REDRIVEN","maxResults":1}""");
        var second = await server.CallOkAsync("ListExecutions",
            $$"""{"stateMachineArn":"{{machine}}","redriveFilter":"REDRIVEN","maxResults":1,"nextToken":"{{first["nextToken"]!.AsString()}}"}""");
        var never = await server.CallOkAsync("ListExecutions", $$"""{"stateMachineArn":"{{machine}}","redriveFilter":"NOT_REDRIVEN"}""");

        Assert.Equal([arns[2], arns[0]], first["executions"]!.AsArray().Concat(second["executions"]!.AsArray()).Select(e => e.AsObject()["executionArn"]!.AsString()));
        Assert.Null(second["nextToken"]);
        Assert.Equal([arns[3], arns[1]], never["executions"]!.AsArray().Select(e => e.AsObject()["executionArn"]!.AsString()));
    }

    [Fact]
    public async Task RedriveExecution_of_a_succeeded_execution_answers_ExecutionNotRedrivable()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("no-redrive");
        string arn = (await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}"}"""))["executionArn"]!.AsString();
        await server.Engine.WaitForExecutionAsync(arn);

        string message = await server.CallFailsAsync("RedriveExecution", $$"""{"executionArn":"{{arn}}"}""", "ExecutionNotRedrivable");

        Assert.Contains("Execution is SUCCEEDED and cannot be redriven", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedriveExecution_of_an_execution_its_redrive_made_succeed_is_idempotent_for_that_token_and_refused_for_another()
    {
        // The step that ends an execution for good keeps only its header: the redrive's client token must survive it.
        await using var server = await ApiServer.StartAsync();
        int failuresLeft = 1;
        server.Engine.RegisterLambda("flaky", (request, _) => Interlocked.Decrement(ref failuresLeft) >= 0
            ? throw new Stepwise.Integrations.TaskFailedException("Flaky", "fails once")
            : ValueTask.FromResult(request.Input));
        string machine = await server.CreateStateMachineAsync("redrive-once",
            """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:flaky","End":true}}}""");
        string arn = (await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{machine}}","input":"{\"a\":1}"}"""))["executionArn"]!.AsString();
        Assert.Equal("FAILED", (await server.Engine.WaitForExecutionAsync(arn)).Status);
        var redriven = await server.CallOkAsync("RedriveExecution", $$"""{"executionArn":"{{arn}}","clientToken":"token-1"}""");
        Assert.Equal("SUCCEEDED", (await server.Engine.WaitForExecutionAsync(arn)).Status);
        string events = (await server.CallOkAsync("GetExecutionHistory", $$"""{"executionArn":"{{arn}}"}"""))["events"]!.ToJsonString();

        var repeated = await server.CallOkAsync("RedriveExecution", $$"""{"executionArn":"{{arn}}","clientToken":"token-1"}""");
        string message = await server.CallFailsAsync("RedriveExecution", $$"""{"executionArn":"{{arn}}","clientToken":"token-2"}""", "ExecutionNotRedrivable");
        var described = await server.CallOkAsync("DescribeExecution", $$"""{"executionArn":"{{arn}}"}""");
        var definition = await server.CallOkAsync("DescribeStateMachineForExecution", $$"""{"executionArn":"{{arn}}"}""");

        Assert.Equal(redriven["redriveDate"]!.ToJsonString(), repeated["redriveDate"]!.ToJsonString());
        Assert.Contains("Execution is SUCCEEDED and cannot be redriven", message, StringComparison.Ordinal);
        Assert.Equal("1", described["redriveCount"]!.ToJsonString());
        Assert.Equal("""{"a":1}""", described["output"]!.AsString());
        Assert.Equal(events, (await server.CallOkAsync("GetExecutionHistory", $$"""{"executionArn":"{{arn}}"}"""))["events"]!.ToJsonString());
        Assert.Equal(machine, definition["stateMachineArn"]!.AsString());
    }
}
