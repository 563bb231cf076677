using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>
/// Choice states (https://states-language.net/spec.html#choice-state): top-level rules carry Next, nested rules under
/// And/Or/Not must not; each rule is either a boolean combination or exactly one comparison on a Variable. JSONata
/// rules are a Condition instead.
/// </summary>
internal sealed partial class DefinitionWalker
{
    private void WalkChoice(JsonObject state, QueryLanguage language, string location)
    {
        if (state.TryGetValue("Default", out var defaultValue))
        {
            ExpectString(defaultValue, "Default", Location.Field(location, "Default"));
        }

        if (!state.TryGetValue("Choices", out var value))
        {
            _context.Schema(DiagnosticMessages.Required("Choices"), location);
            return;
        }

        string choicesLocation = Location.Field(location, "Choices");
        if (value is not JsonArray choices)
        {
            _context.Schema(DiagnosticMessages.Type("Choices", "an ARRAY"), choicesLocation);
            return;
        }

        if (choices.Count == 0)
        {
            _context.Schema(DiagnosticMessages.Empty, choicesLocation);
            return;
        }

        for (int i = 0; i < choices.Count; i++)
        {
            WalkChoiceRule(choices[i], language, Location.Index(choicesLocation, i), topLevel: true);
        }
    }

    private void WalkChoiceRule(JsonValue value, QueryLanguage language, string location, bool topLevel)
    {
        if (!CheckObject(value, "Choices", location))
        {
            return;
        }

        var rule = value.AsObject();
        if (topLevel && !rule.ContainsKey("Next"))
        {
            _context.Schema(DiagnosticMessages.Required("Next"), location);
        }

        if (language == QueryLanguage.Jsonata)
        {
            WalkJsonataRule(rule, location);
            return;
        }

        int operators = 0;
        bool hasVariable = false;
        foreach (var (field, item) in rule)
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "Next" when topLevel:
                    ExpectString(item, field, fieldLocation);
                    continue;
                case "Assign" when topLevel:
                    CheckAssign(item, language, fieldLocation);
                    continue;
                case "Comment":
                    ExpectString(item, field, fieldLocation);
                    continue;
                case "Variable":
                    hasVariable = true;
                    CheckPath(item, field, fieldLocation, allowNull: false);
                    continue;
                case "And" or "Or":
                    operators++;
                    WalkRuleList(item, field, language, fieldLocation);
                    continue;
                case "Not":
                    operators++;
                    WalkChoiceRule(item, language, fieldLocation, topLevel: false);
                    continue;
            }

            var operand = ChoiceOperators.Operand(field);
            if (operand == OperandKind.None)
            {
                _context.Schema(DiagnosticMessages.NotSupported(field), location);
                continue;
            }

            operators++;
            CheckOperand(item, field, operand, fieldLocation);
        }

        if (operators != 1)
        {
            _context.Schema(DiagnosticMessages.ChoiceRuleOperator, location);
        }
        else if (!hasVariable && !rule.ContainsKey("And") && !rule.ContainsKey("Or") && !rule.ContainsKey("Not"))
        {
            _context.Schema(DiagnosticMessages.Required("Variable"), location);
        }
        else if (hasVariable && (rule.ContainsKey("And") || rule.ContainsKey("Or") || rule.ContainsKey("Not")))
        {
            _context.Schema(DiagnosticMessages.NotSupported("Variable"), location);
        }
    }

    private void WalkRuleList(JsonValue value, string field, QueryLanguage language, string location)
    {
        if (value is not JsonArray rules)
        {
            _context.Schema(DiagnosticMessages.Type(field, "an ARRAY"), location);
            return;
        }

        if (rules.Count == 0)
        {
            _context.Schema(DiagnosticMessages.Empty, location);
            return;
        }

        for (int i = 0; i < rules.Count; i++)
        {
            WalkChoiceRule(rules[i], language, Location.Index(location, i), topLevel: false);
        }
    }

    private void CheckOperand(JsonValue value, string field, OperandKind operand, string location)
    {
        switch (operand)
        {
            case OperandKind.String when value is not JsonString:
                _context.Schema(DiagnosticMessages.Type(field, "a STRING"), location);
                break;
            case OperandKind.Number when value is not JsonNumber:
                _context.Schema(DiagnosticMessages.Type(field, "a NUMBER"), location);
                break;
            case OperandKind.Boolean when !value.IsBoolean:
                _context.Schema(DiagnosticMessages.Type(field, "a BOOLEAN"), location);
                break;
            case OperandKind.Timestamp:
                if (value is not JsonString timestamp)
                {
                    _context.Schema(DiagnosticMessages.Type(field, "a STRING"), location);
                }
                else if (!PathSyntax.IsTimestamp(timestamp.Value))
                {
                    _context.Schema(DiagnosticMessages.Rfc3339, location);
                }

                break;
            case OperandKind.Path:
                CheckPath(value, field, location, allowNull: false);
                break;
        }
    }

    /// <summary>JSONata rules: Condition (an expression or a boolean), Next at the top, Assign, Output, Comment.</summary>
    private void WalkJsonataRule(JsonObject rule, string location)
    {
        if (!rule.ContainsKey("Condition"))
        {
            _context.Schema(DiagnosticMessages.Required("Condition"), location);
        }

        foreach (var (field, item) in rule)
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "Next" or "Comment":
                    ExpectString(item, field, fieldLocation);
                    break;
                case "Condition":
                    if (!item.IsBoolean && !IsExpression(item))
                    {
                        _context.Schema(DiagnosticMessages.Type(field, "a JSONata expression or a BOOLEAN"), fieldLocation);
                    }

                    break;
                case "Assign":
                    CheckAssign(item, QueryLanguage.Jsonata, fieldLocation);
                    break;
                case "Output":
                    break;
                default:
                    _context.Schema(DiagnosticMessages.NotSupported(field), location);
                    break;
            }
        }
    }
}
