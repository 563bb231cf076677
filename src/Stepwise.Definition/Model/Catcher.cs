using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>One entry of a state's <c>Catch</c> array.</summary>
public sealed class Catcher
{
    internal Catcher(IReadOnlyList<string> errorEquals, string next, ResultPathField resultPath, JsonValue? output, JsonValue? assign)
    {
        ErrorEquals = errorEquals;
        Next = next;
        ResultPath = resultPath;
        Output = output;
        Assign = assign;
    }

    /// <summary>The error names this catcher matches.</summary>
    public IReadOnlyList<string> ErrorEquals { get; }

    /// <summary>The state to transition to.</summary>
    public string Next { get; }

    /// <summary>Where the error output (<c>{"Error","Cause"}</c>) goes in the state's raw input; default <c>$</c>.</summary>
    public ResultPathField ResultPath { get; }

    /// <summary>JSONata <c>Output</c>, kept raw for a later issue.</summary>
    public JsonValue? Output { get; }

    /// <summary><c>Assign</c>, kept raw for a later issue.</summary>
    public JsonValue? Assign { get; }

    internal static Catcher Read(JsonObject json, string where)
    {
        var errors = ModelReader.ReadStringList(json, "ErrorEquals", where);
        var next = ModelReader.ReadOptionalString(json, "Next", where) ?? throw new FormatException($"{where}: a catcher needs 'Next'.");
        return new Catcher(errors, next, ResultPathField.Read(json, "ResultPath", where), json["Output"], json["Assign"]);
    }
}
