using Stepwise.Json;

namespace Stepwise.Definition.Model;

/// <summary>
/// A state of an ASL state machine. Subclasses carry the fields of one state type; fields a type does not allow
/// keep their defaults (the validator rejects definitions that use them).
/// </summary>
public abstract class State
{
    private protected State(string name, JsonObject json)
    {
        Name = name;
        Json = json;
        string where = $"State '{name}'";
        Comment = ModelReader.ReadOptionalString(json, "Comment", where);
        Next = ModelReader.ReadOptionalString(json, "Next", where);
        IsEnd = ModelReader.ReadBoolean(json, "End", where);
        InputPath = PathField.Read(json, "InputPath", where);
        OutputPath = PathField.Read(json, "OutputPath", where);
        QueryLanguage = ModelReader.ReadOptionalString(json, "QueryLanguage", where);
        Assign = json["Assign"];
        Output = json["Output"];
    }

    /// <summary>The state's name (its key in <c>States</c>).</summary>
    public string Name { get; }

    /// <summary>The state's type.</summary>
    public abstract StateType Type { get; }

    /// <summary>The state's JSON as written in the definition.</summary>
    public JsonObject Json { get; }

    /// <summary>The optional <c>Comment</c>.</summary>
    public string? Comment { get; }

    /// <summary>The next state's name; null for terminal states.</summary>
    public string? Next { get; }

    /// <summary>True when <c>"End": true</c>.</summary>
    public bool IsEnd { get; }

    /// <summary><c>InputPath</c> (JSONPath states).</summary>
    public PathField InputPath { get; }

    /// <summary><c>OutputPath</c> (JSONPath states).</summary>
    public PathField OutputPath { get; }

    /// <summary>The state's own <c>QueryLanguage</c>, when it overrides the state machine's.</summary>
    public string? QueryLanguage { get; }

    /// <summary><c>Assign</c>, kept raw for the variables issue.</summary>
    public JsonValue? Assign { get; }

    /// <summary>JSONata <c>Output</c>, kept raw for the JSONata issue.</summary>
    public JsonValue? Output { get; }

    internal static State Read(string name, JsonValue value, List<StateGraph> registry)
    {
        string where = $"State '{name}'";
        var json = ModelReader.AsObject(value, where);
        return ModelReader.ReadRequiredString(json, "Type", where) switch
        {
            "Pass" => new PassState(name, json),
            "Task" => new TaskState(name, json),
            "Choice" => new ChoiceState(name, json),
            "Wait" => new WaitState(name, json),
            "Succeed" => new SucceedState(name, json),
            "Fail" => new FailState(name, json),
            "Parallel" => new ParallelState(name, json, registry),
            "Map" => new MapState(name, json, registry),
            var other => throw new FormatException($"{where}: unknown state type '{other}'."),
        };
    }
}
