using Stepwise.Json;

namespace Stepwise.Integrations.Tests;

/// <summary>
/// The dispatcher keeps what the resource it was asked last names (Lambda or not, the function and qualifier): the
/// handlers serving it are still looked up per call, and each resource keeps its own route.
/// </summary>
public sealed class TaskDispatcherRoutingTests
{
    private const string GreetArn = "arn:aws:lambda:us-east-1:123456789012:function:Greet:prod";
    private const string CustomResource = "arn:aws:states:::custom:thing";

    private static TaskInvocation Invocation(string resource) =>
        new(resource, JsonValue.Parse("""{"name":"Ada"}"""), null, JsonObject.Empty, "Machine", "State", null, 0, "us-east-1", "123456789012",
            "11111111-2222-3333-4444-555555555555", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_function_registered_after_its_resource_was_routed_serves_the_next_call()
    {
        var dispatcher = new TaskDispatcher();
        Assert.False(dispatcher.IsServedInProcess(Invocation(GreetArn)));
        var before = await dispatcher.InvokeAsync(Invocation(GreetArn), CancellationToken.None);

        dispatcher.RegisterLambda("Greet", (request, _) => ValueTask.FromResult<JsonValue>("hello " + ((JsonObject)request.Input)["name"]!.AsString()));

        Assert.True(dispatcher.IsServedInProcess(Invocation(GreetArn)));
        var after = await dispatcher.InvokeAsync(Invocation(GreetArn), CancellationToken.None);
        Assert.Equal("Lambda.ResourceNotFoundException", before.Error);
        Assert.Equal("\"hello Ada\"", after.Output!.ToJsonString());
    }

    [Fact]
    public async Task Resources_asked_in_turn_each_go_to_their_own_handler()
    {
        var dispatcher = new TaskDispatcher();
        dispatcher.RegisterLambda("Greet", (_, _) => ValueTask.FromResult<JsonValue>("function"));
        dispatcher.RegisterTask(CustomResource, (_, _) => ValueTask.FromResult<JsonValue>("task"));

        var outputs = new List<string>();
        foreach (string resource in new[] { GreetArn, CustomResource, GreetArn, "arn:aws:states:::custom:other", CustomResource })
        {
            var outcome = await dispatcher.InvokeAsync(Invocation(resource), CancellationToken.None);
            outputs.Add(outcome.IsFailure ? outcome.Error! : outcome.Output!.ToJsonString());
        }

        Assert.Equal(["\"function\"", "\"task\"", "\"function\"", "States.TaskFailed", "\"task\""], outputs);
        Assert.False(dispatcher.IsServedInProcess(Invocation("arn:aws:states:::custom:other")));
        Assert.True(dispatcher.IsServedInProcess(Invocation(GreetArn)));
    }
}
