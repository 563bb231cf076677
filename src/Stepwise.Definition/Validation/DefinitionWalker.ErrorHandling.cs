using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>Retry and Catch (https://states-language.net/spec.html#errors).</summary>
internal sealed partial class DefinitionWalker
{
    private void WalkErrorHandling(JsonObject state, QueryLanguage language, string location)
    {
        if (state.TryGetValue("Retry", out var retry))
        {
            WalkRules(retry, "Retry", language, Location.Field(location, "Retry"));
        }

        if (state.TryGetValue("Catch", out var catchers))
        {
            WalkRules(catchers, "Catch", language, Location.Field(location, "Catch"));
        }
    }

    private void WalkRules(JsonValue value, string field, QueryLanguage language, string location)
    {
        if (value is not JsonArray rules)
        {
            _context.Schema(DiagnosticMessages.Type(field, "an ARRAY"), location);
            return;
        }

        for (int i = 0; i < rules.Count; i++)
        {
            string ruleLocation = Location.Index(location, i);
            if (!CheckObject(rules[i], field, ruleLocation))
            {
                continue;
            }

            var rule = rules[i].AsObject();
            bool catchesAll = CheckErrorEquals(rule, ruleLocation);
            if (catchesAll && i != rules.Count - 1)
            {
                _context.Schema(DiagnosticMessages.StatesAllLast, ruleLocation);
            }

            if (field == "Retry")
            {
                WalkRetrier(rule, ruleLocation);
            }
            else
            {
                WalkCatcher(rule, language, ruleLocation);
            }
        }
    }

    /// <summary>ErrorEquals: a non-empty array of error names; States.ALL only alone. True when it holds States.ALL.</summary>
    private bool CheckErrorEquals(JsonObject rule, string location)
    {
        if (!rule.TryGetValue("ErrorEquals", out var value))
        {
            _context.Schema(DiagnosticMessages.Required("ErrorEquals"), location);
            return false;
        }

        string errorsLocation = Location.Field(location, "ErrorEquals");
        if (value is not JsonArray errors)
        {
            _context.Schema(DiagnosticMessages.Type("ErrorEquals", "an ARRAY"), errorsLocation);
            return false;
        }

        if (errors.Count == 0)
        {
            _context.Schema(DiagnosticMessages.Empty, errorsLocation);
            return false;
        }

        bool catchesAll = false;
        for (int i = 0; i < errors.Count; i++)
        {
            if (errors[i] is not JsonString name)
            {
                _context.Schema(DiagnosticMessages.Type("ErrorEquals", "an ARRAY of STRING"), Location.Index(errorsLocation, i));
                continue;
            }

            catchesAll |= name.Value == "States.ALL";
        }

        if (catchesAll && errors.Count > 1)
        {
            _context.Schema(DiagnosticMessages.StatesAllAlone, errorsLocation);
        }

        return catchesAll;
    }

    private void WalkRetrier(JsonObject retrier, string location)
    {
        foreach (var (field, value) in retrier)
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "ErrorEquals":
                    break;
                case "Comment":
                    ExpectString(value, field, fieldLocation);
                    break;
                case "IntervalSeconds":
                    CheckInteger(value, field, fieldLocation, minimum: 1, maximum: 99999999, allowExpression: false);
                    break;
                case "MaxAttempts":
                    CheckInteger(value, field, fieldLocation, minimum: 0, maximum: 99999999, allowExpression: false);
                    break;
                case "MaxDelaySeconds":
                    CheckInteger(value, field, fieldLocation, minimum: 1, maximum: 31622400, allowExpression: false);
                    break;
                case "BackoffRate":
                    CheckNumber(value, field, fieldLocation, minimum: 1.0, maximum: double.MaxValue, allowExpression: false);
                    break;
                case "JitterStrategy":
                    CheckEnum(value, field, fieldLocation, "FULL, NONE");
                    break;
                default:
                    _context.Schema(DiagnosticMessages.NotSupported(field), location);
                    break;
            }
        }
    }

    private void WalkCatcher(JsonObject catcher, QueryLanguage language, string location)
    {
        if (!catcher.ContainsKey("Next"))
        {
            _context.Schema(DiagnosticMessages.Required("Next"), location);
        }

        foreach (var (field, value) in catcher)
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "ErrorEquals":
                    break;
                case "Next" or "Comment":
                    ExpectString(value, field, fieldLocation);
                    break;
                case "ResultPath" when language == QueryLanguage.JsonPath:
                    CheckResultPath(value, field, fieldLocation);
                    break;
                case "Output" when language == QueryLanguage.Jsonata:
                    break;
                case "ResultPath":
                    _context.Schema(DiagnosticMessages.WrongQueryLanguage("JSONata", field, "JSONPath"), location);
                    break;
                case "Output":
                    _context.Schema(DiagnosticMessages.WrongQueryLanguage("JSONPath", field, "JSONata"), location);
                    break;
                case "Assign":
                    CheckAssign(value, language, fieldLocation);
                    break;
                default:
                    _context.Schema(DiagnosticMessages.NotSupported(field), location);
                    break;
            }
        }
    }
}
