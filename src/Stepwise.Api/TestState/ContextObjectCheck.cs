using Stepwise.Json;

namespace Stepwise.Api.TestState;

/// <summary>
/// The checks TestState makes on a given context object: only the fields AWS's context object has, strings where it
/// has strings, no <c>Map</c>, and <c>Task</c> only for a Task state that has a task token (<c>.sync</c> or
/// <c>.waitForTaskToken</c>).
/// </summary>
internal static class ContextObjectCheck
{
    private static readonly string[] s_executionFields = ["Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount", "RedriveTime"];
    private static readonly string[] s_executionStrings = ["Id", "Name", "RoleArn", "StartTime", "RedriveTime"];
    private static readonly string[] s_stateFields = ["EnteredTime", "Name", "RetryCount"];
    private static readonly string[] s_stateStrings = ["EnteredTime", "Name"];
    private static readonly string[] s_stateMachineFields = ["Id", "Name"];
    private static readonly string[] s_taskFields = ["Token"];

    public static void Check(JsonObject context, JsonObject state)
    {
        foreach (var (name, value) in context)
        {
            switch (name)
            {
                case "Execution":
                    CheckPart(name, value, s_executionFields, s_executionStrings);
                    break;
                case "State":
                    CheckPart(name, value, s_stateFields, s_stateStrings);
                    break;
                case "StateMachine":
                    CheckPart(name, value, s_stateMachineFields, s_stateMachineFields);
                    break;
                case "Task":
                    if (!HasTaskToken(state))
                    {
                        throw TestStateErrors.Context(
                            "Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern");
                    }

                    CheckPart(name, value, s_taskFields, s_taskFields);
                    break;
                case "Map":
                    throw TestStateErrors.Context("'Map' field is not supported when mocking a Context object");
                default:
                    throw TestStateErrors.Context($"Field '{name}' is not allowed");
            }
        }
    }

    private static void CheckPart(string part, JsonValue value, string[] fields, string[] strings)
    {
        if (value is not JsonObject members)
        {
            throw TestStateErrors.Context($"{part} must be an object");
        }

        foreach (var (name, member) in members)
        {
            if (Array.IndexOf(fields, name) < 0)
            {
                throw TestStateErrors.Context($"Field '{name}' is not allowed");
            }

            if (Array.IndexOf(strings, name) >= 0 && member is not JsonString)
            {
                throw TestStateErrors.Context($"{part}.{name} must be a string");
            }
        }
    }

    private static bool HasTaskToken(JsonObject state) =>
        state["Type"] is JsonString { Value: "Task" } && state["Resource"] is JsonString resource
        && (resource.Value.EndsWith(".waitForTaskToken", StringComparison.Ordinal) || resource.Value.Contains(".sync", StringComparison.Ordinal));
}
