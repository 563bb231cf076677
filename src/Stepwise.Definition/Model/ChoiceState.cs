using Stepwise.Definition.Choice;
using Stepwise.Json;

namespace Stepwise.Definition.Model;

/// <summary>A <c>Choice</c> state.</summary>
public sealed class ChoiceState : State
{
    internal ChoiceState(string name, JsonObject json)
        : base(name, json)
    {
        string where = $"State '{name}'";
        if (!json.TryGetValue("Choices", out var choices) || choices is not JsonArray array)
        {
            throw new FormatException($"{where}: 'Choices' must be an array.");
        }

        RawChoices = array;
        if (HasJsonataConditions(array))
        {
            // JSONata rules ("Condition") have their own model; the JSONPath rule model cannot read them.
            Choices = [];
            var jsonataRules = new JsonataChoiceRule[array.Count];
            for (int i = 0; i < jsonataRules.Length; i++)
            {
                string ruleWhere = $"{where} Choices[{i}]";
                jsonataRules[i] = JsonataChoiceRule.Read(ModelReader.AsObject(array[i], ruleWhere), i, ruleWhere);
            }

            JsonataChoices = jsonataRules;
        }
        else
        {
            var rules = new ChoiceRule[array.Count];
            for (int i = 0; i < rules.Length; i++)
            {
                rules[i] = ChoiceRule.Read(ModelReader.AsObject(array[i], $"{where} Choices[{i}]"));
            }

            Choices = rules;
        }

        Default = ModelReader.ReadOptionalString(json, "Default", where);
    }

    /// <inheritdoc/>
    public override StateType Type => StateType.Choice;

    /// <summary>The top-level choice rules, tried in order.</summary>
    public IReadOnlyList<ChoiceRule> Choices { get; }

    /// <summary>The rules of a JSONata Choice state (<c>Condition</c>), tried in order; empty for JSONPath rules.</summary>
    public IReadOnlyList<JsonataChoiceRule> JsonataChoices { get; } = [];

    /// <summary>The <c>Choices</c> array as written.</summary>
    public JsonArray RawChoices { get; }

    /// <summary>The state to go to when no rule matches; null means <c>States.NoChoiceMatched</c>.</summary>
    public string? Default { get; }

    private static bool HasJsonataConditions(JsonArray choices)
    {
        foreach (var choice in choices)
        {
            if (choice is JsonObject rule && rule.ContainsKey("Condition"))
            {
                return true;
            }
        }

        return false;
    }
}
