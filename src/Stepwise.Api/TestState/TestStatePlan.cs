using Stepwise.Api.Definitions;
using Stepwise.Api.Validation;
using Stepwise.Definition.Model;
using Stepwise.Definition.Validation;
using Stepwise.Integrations.ServiceModels;
using Stepwise.Json;
using Stepwise.Runtime.Testing;

namespace Stepwise.Api.TestState;

/// <summary>
/// A TestState request read and checked, in the order AWS checks it: the definition (and the named state), the
/// mock against the state's type, the configuration, the role, then the input, variables and context object.
/// </summary>
internal sealed class TestStatePlan
{
    private TestStatePlan(StateMachine machine, StateTestOptions options, string inspectionLevel)
    {
        Machine = machine;
        Options = options;
        InspectionLevel = inspectionLevel;
    }

    /// <summary>The tested state as a one-state machine.</summary>
    public StateMachine Machine { get; }

    public StateTestOptions Options { get; }

    /// <summary><c>INFO</c>, <c>DEBUG</c> or <c>TRACE</c>.</summary>
    public string InspectionLevel { get; }

    public static TestStatePlan Read(TestStateRequest request)
    {
        string text = RequestChecks.Definition(request.Definition);
        string level = RequestChecks.Enum(request.InspectionLevel, "inspectionLevel", "INFO", "DEBUG", "TRACE");
        var isolated = Isolate(text, request.StateName);
        var state = isolated["States"]!.AsObject()[StateTest.TestedStateName]!.AsObject();
        string type = state["Type"]!.AsString();
        var configuration = request.StateConfiguration;
        if (configuration?.MapIterationFailureCount is not null && request.Mock is null)
        {
            throw TestStateErrors.Validation("TestState does not support MapIterationFailureCount when a mock is not specified.");
        }

        var mock = ReadMock(request, state, type);
        if (configuration?.MapIterationFailureCount is int failures)
        {
            if (failures < 0 || (mock!.Result is JsonArray results && failures > results.Count))
            {
                throw TestStateErrors.Validation("Map iteration failure count must be less than or equal to the number of Map iterations");
            }
        }

        if (configuration?.RetrierRetryCount is int retries)
        {
            Constraints.Range(retries, "stateConfiguration.retrierRetryCount", 0, int.MaxValue);
        }

        if (type == "Task" && mock is null && request.RoleArn is null)
        {
            throw TestStateErrors.Validation("RoleArn must be specified when testing a Task state");
        }

        var input = ExecutionInput.Parse(request.Input);
        JsonObject? variables = null;
        if (request.Variables is not null)
        {
            variables = ReadJson(request.Variables, out string? variablesError) as JsonObject
                ?? throw TestStateErrors.Validation($"Invalid variables provided: {variablesError ?? "the variables must be a JSON object"}");
        }

        JsonObject? context = null;
        if (request.Context is not null)
        {
            context = ReadJson(request.Context, out string? contextError) as JsonObject
                ?? throw TestStateErrors.Context(contextError ?? "the context object must be a JSON object");
            ContextObjectCheck.Check(context, state);
        }

        JsonValue? itemReaderData = null;
        if (configuration?.MapItemReaderData is { } readerText)
        {
            itemReaderData = ReadJson(readerText, out string? readerError)
                ?? throw TestStateErrors.Validation($"Invalid map item reader data provided: {readerError}");
        }

        var options = new StateTestOptions
        {
            Input = input,
            Context = context,
            Variables = variables,
            RoleArn = request.RoleArn,
            RetrierRetryCount = configuration?.RetrierRetryCount ?? 0,
            MapIterationFailureCount = configuration?.MapIterationFailureCount ?? 0,
            MapItemReaderData = itemReaderData,
            Mock = mock,
        };
        return new TestStatePlan(StateMachine.FromJson(isolated, checkTransitions: false), options, level);
    }

    /// <summary>The tested state, validated as AWS validates it: alone under the name StateName, or within its whole machine.</summary>
    private static JsonObject Isolate(string text, string? stateName)
    {
        if (!JsonValue.TryParse(text, out var definition, out _) || definition is not JsonObject json)
        {
            // The validator words an unreadable or non-object definition as AWS does.
            throw TestStateErrors.Definition(DefinitionValidator.Validate(text, ValidationOptions.Standard).ToInvalidDefinitionMessage());
        }

        var validation = stateName is null
            ? DefinitionValidator.ValidateState(json, ValidationOptions.Standard)
            : DefinitionValidator.Validate(json, ValidationOptions.Standard);
        if (!validation.IsValid)
        {
            throw TestStateErrors.Definition(validation.ToInvalidDefinitionMessage());
        }

        return StateTest.TryIsolate(json, stateName, out var machine)
            ? machine
            : throw TestStateErrors.Validation("State not found in definition");
    }

    private static StateTestMock? ReadMock(TestStateRequest request, JsonObject state, string type)
    {
        var given = request.Mock;
        bool fansOut = StateTest.NeedsMock(state);
        if (given is null)
        {
            return fansOut ? throw TestStateErrors.Definition(StateTest.MapOrParallelNeedsMock) : null;
        }

        if ((given.Result is null) == (given.ErrorOutput is null))
        {
            throw TestStateErrors.Validation("A test mock should have only one of the following fields: [result, errorOutput].");
        }

        string mode = RequestChecks.Enum(given.FieldValidationMode, "mock.fieldValidationMode", "STRICT", "PRESENT", "NONE");
        if (type is not ("Task" or "Map" or "Parallel"))
        {
            throw TestStateErrors.Validation($"State type '{type}' is not supported when a mock is specified");
        }

        if (request.RevealSecrets == true)
        {
            throw TestStateErrors.Validation("TestState does not support RevealSecrets when a mock is specified.");
        }

        if (given.ErrorOutput is { } error)
        {
            return new StateTestMock(null, error.Error ?? string.Empty, error.Cause);
        }

        var result = ReadJson(given.Result!, out _) ?? throw TestStateErrors.Validation("Mocked result must be valid JSON");
        if (type == "Map" && state.ContainsKey("ResultWriter"))
        {
            // A Map that writes its results elsewhere returns the writer's description, an object.
            return result is JsonObject ? new StateTestMock(result) : throw TestStateErrors.Validation("Mocked result must be a JSON object.");
        }

        if (fansOut && result is not JsonArray)
        {
            throw TestStateErrors.Validation("Mocked result must be an array.");
        }

        if (type == "Parallel" && state["Branches"] is JsonArray branches && ((JsonArray)result).Count != branches.Count)
        {
            throw TestStateErrors.Validation("Mocked result must contain the same number of items as number of Parallel branches.");
        }

        if (type == "Task" && MockResultValidator.Validate(state["Resource"]!.AsString(), result, ModeOf(mode)) is { } problem)
        {
            throw TestStateErrors.Validation(problem);
        }

        return new StateTestMock(result);
    }

    private static FieldValidationMode ModeOf(string mode) => mode switch
    {
        "PRESENT" => FieldValidationMode.Present,
        "NONE" => FieldValidationMode.None,
        _ => FieldValidationMode.Strict,
    };

    private static JsonValue? ReadJson(string text, out string? error)
    {
        if (JsonValue.TryParse(text, out var value, out error))
        {
            return value;
        }

        return null;
    }
}
