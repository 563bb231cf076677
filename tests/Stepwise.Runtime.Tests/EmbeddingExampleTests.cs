using Stepwise.Hosting;
using Stepwise.Integrations;
using Stepwise.Json;

namespace Stepwise.Runtime.Tests;

/// <summary>The README's embedding example, kept true.</summary>
public sealed class EmbeddingExampleTests
{
    [Fact]
    public async Task The_README_example_greets_through_a_registered_Lambda_handler()
    {
        await using var engine = new StepwiseEngine();
        engine.RegisterLambda("Greet", (request, cancellationToken) =>
            ValueTask.FromResult<JsonValue>(JsonObject.Create(("message", "Hello, " + request.Input.AsObject()["name"]!.AsString()))));

        var definition = JsonValue.Parse("""
            {"StartAt": "Greet", "States": {"Greet": {"Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Greet", "End": true}}}
            """);
        var result = await engine.RunAsync(definition, JsonValue.Parse("""{"name": "Ada"}"""));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"message":"Hello, Ada"}""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task A_handler_that_throws_TaskFailedException_is_caught_by_the_definitions_Catch()
    {
        await using var engine = new StepwiseEngine();
        engine.RegisterTask("arn:aws:states:::my:charge", (_, _) => throw new TaskFailedException("Card.Declined", "insufficient funds"));
        var definition = JsonValue.Parse("""
            {"StartAt": "Charge", "States": {
              "Charge": {"Type": "Task", "Resource": "arn:aws:states:::my:charge",
                         "Catch": [{"ErrorEquals": ["Card.Declined"], "ResultPath": "$.error", "Next": "Declined"}], "End": true},
              "Declined": {"Type": "Pass", "End": true}}}
            """);

        var result = await engine.RunAsync(definition, JsonObject.Empty);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"error":{"Error":"Card.Declined","Cause":"insufficient funds"}}""", result.Output!.ToJsonString());
    }
}
