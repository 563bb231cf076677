using Stepwise.Json;

namespace Stepwise.Definition.Choice;

/// <summary>
/// A choice rule of a JSONata Choice state: a <c>Condition</c> (an expression, or a literal boolean) that selects
/// <c>Next</c>, with the rule's own optional <c>Output</c> and <c>Assign</c>, which replace the state's when it matches.
/// </summary>
public sealed class JsonataChoiceRule
{
    private JsonataChoiceRule(int index, JsonValue condition, string next, JsonValue? output, JsonValue? assign)
    {
        Index = index;
        Condition = condition;
        Next = next;
        Output = output;
        Assign = assign;
    }

    /// <summary>The rule's position in <c>Choices</c> (AWS locates its fields as <c>Choices[i]/Condition</c>).</summary>
    public int Index { get; }

    /// <summary><c>Condition</c> as written: <c>"{% ... %}"</c> or a boolean.</summary>
    public JsonValue Condition { get; }

    /// <summary>The state to go to when the condition is true.</summary>
    public string Next { get; }

    /// <summary>The rule's <c>Output</c>; null when absent (the input passes through).</summary>
    public JsonValue? Output { get; }

    /// <summary>The rule's <c>Assign</c>; null when absent.</summary>
    public JsonValue? Assign { get; }

    internal static JsonataChoiceRule Read(JsonObject json, int index, string where)
    {
        if (!json.TryGetValue("Condition", out var condition))
        {
            throw new FormatException($"{where}: a JSONata choice rule needs 'Condition'.");
        }

        string next = json.TryGetValue("Next", out var n) && n is JsonString s
            ? s.Value
            : throw new FormatException($"{where}: a choice rule needs 'Next'.");
        return new JsonataChoiceRule(index, condition, next, json["Output"], json["Assign"]);
    }
}
