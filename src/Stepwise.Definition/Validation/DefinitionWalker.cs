using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>
/// Walks a raw definition once, top-down, reporting schema problems as it goes and the graph problems of each
/// (nested) state machine once its states are known. Split by concern into partial files.
/// </summary>
internal sealed partial class DefinitionWalker(ValidationContext context)
{
    private readonly ValidationContext _context = context;

    public void WalkRoot(JsonValue definition)
    {
        if (definition is not JsonObject root)
        {
            _context.Schema(DiagnosticMessages.NotAnObject, "");
            return;
        }

        const string location = Location.Root;
        if (root.TryGetValue("QueryLanguage", out var language))
        {
            _context.MachineIsJsonata = CheckQueryLanguage(language, Location.Field(location, "QueryLanguage")) == QueryLanguage.Jsonata;
        }

        RequireMachineFields(root, location);
        foreach (var (field, value) in root)
        {
            switch (field)
            {
                case "Comment" or "Version":
                    ExpectString(value, field, Location.Field(location, field));
                    break;
                case "TimeoutSeconds":
                    CheckInteger(value, field, Location.Field(location, field), minimum: 1, maximum: 99999999, allowExpression: false);
                    break;
                case "QueryLanguage" or "StartAt" or "States":
                    break;
                default:
                    _context.Schema(DiagnosticMessages.NotSupported(field), location);
                    break;
            }
        }

        WalkMachine(root, location);
    }

    /// <summary>A (nested) state machine needs States and StartAt; AWS lists them as "[States, StartAt]", States first.</summary>
    private void RequireMachineFields(JsonObject machine, string location)
    {
        bool hasStates = machine.ContainsKey("States"), hasStartAt = machine.ContainsKey("StartAt");
        if (!hasStates || !hasStartAt)
        {
            _context.Schema(DiagnosticMessages.Required(!hasStates && !hasStartAt ? "States, StartAt" : hasStates ? "StartAt" : "States"), location);
        }
    }

    /// <summary>Validates StartAt and States of the root, a Parallel branch or a Map's processor, then its graph.</summary>
    private void WalkMachine(JsonObject machine, string location)
    {
        string? startAt = null;
        if (machine.TryGetValue("StartAt", out var startValue) && ExpectString(startValue, "StartAt", Location.Field(location, "StartAt")))
        {
            startAt = startValue.AsString();
        }

        if (!machine.TryGetValue("States", out var statesValue))
        {
            return;
        }

        string statesLocation = Location.Field(location, "States");
        if (statesValue is not JsonObject states)
        {
            _context.Schema(DiagnosticMessages.Type("States", "an OBJECT"), statesLocation);
            return;
        }

        if (states.Count == 0)
        {
            _context.Schema(DiagnosticMessages.Empty, statesLocation);
            return;
        }

        foreach (var (name, state) in states)
        {
            WalkState(name, state, Location.Field(statesLocation, name));
        }

        GraphAnalysis.Check(_context, states, startAt, location);
    }

    private void WalkState(string name, JsonValue value, string location)
    {
        if (name.Length > 80)
        {
            _context.SchemaCode(DiagnosticCodes.InvalidStateName, DiagnosticMessages.StateNameTooLong(name), location);
        }

        if (!_context.RegisterStateName(name))
        {
            _context.Graph(DiagnosticCodes.DuplicateStateName, DiagnosticMessages.DuplicateStateName(name), location);
        }

        if (value is not JsonObject state)
        {
            _context.Schema(DiagnosticMessages.Type(name, "an OBJECT"), location);
            return;
        }

        if (!state.TryGetValue("Type", out var typeValue))
        {
            _context.Schema(DiagnosticMessages.Required("Type"), location);
            return;
        }

        string? type = typeValue is JsonString s ? s.Value : null;
        if (type is null || !StateFields.IsStateType(type))
        {
            _context.Schema(DiagnosticMessages.StateTypes, Location.Field(location, "Type"));
            return;
        }

        var language = EffectiveLanguage(state, location);
        CheckFields(state, type, language, location);
        if (StateFields.HasTransition(type))
        {
            CheckTransition(state, location);
        }

        switch (type)
        {
            case StateFields.Task: WalkTask(state, language, location); break;
            case StateFields.Choice: WalkChoice(state, language, location); break;
            case StateFields.Wait: WalkWait(state, language, location); break;
            case StateFields.Fail: WalkFail(state, language, location); break;
            case StateFields.Parallel: WalkParallel(state, language, location); break;
            case StateFields.Map: WalkMap(state, language, location); break;
        }

        CheckDataFields(state, language, location);
        if (language == QueryLanguage.Jsonata)
        {
            CheckJsonataExpressions(state, type, location);
        }
    }

    /// <summary>
    /// A state's language is its own QueryLanguage or the top-level one; a Map or Parallel does not pass its own
    /// language on to the states inside it (measured on AWS).
    /// </summary>
    private QueryLanguage EffectiveLanguage(JsonObject state, string location)
    {
        if (!state.TryGetValue("QueryLanguage", out var value))
        {
            return _context.MachineIsJsonata ? QueryLanguage.Jsonata : QueryLanguage.JsonPath;
        }

        var language = CheckQueryLanguage(value, Location.Field(location, "QueryLanguage"));
        if (language == QueryLanguage.JsonPath && _context.MachineIsJsonata)
        {
            _context.Schema(DiagnosticMessages.JsonPathUnderJsonata, location);
        }

        return language;
    }

    private QueryLanguage CheckQueryLanguage(JsonValue value, string location)
    {
        if (value is JsonString { Value: "JSONPath" })
        {
            return QueryLanguage.JsonPath;
        }

        if (value is not JsonString { Value: "JSONata" })
        {
            _context.Schema(DiagnosticMessages.OneOf("QueryLanguage", "JSONPath, JSONata"), location);
        }

        return QueryLanguage.Jsonata;
    }

    private void CheckFields(JsonObject state, string type, QueryLanguage language, string location)
    {
        foreach (string field in state.Keys)
        {
            switch (StateFields.Classify(type, field))
            {
                case FieldUse.Unsupported:
                    _context.Schema(DiagnosticMessages.NotSupported(field), location);
                    break;
                case FieldUse.JsonPathOnly when language == QueryLanguage.Jsonata:
                    _context.Schema(DiagnosticMessages.WrongQueryLanguage("JSONata", field, "JSONPath"), location);
                    break;
                case FieldUse.JsonataOnly when language == QueryLanguage.JsonPath:
                    _context.Schema(DiagnosticMessages.WrongQueryLanguage("JSONPath", field, "JSONata"), location);
                    break;
            }
        }
    }

    /// <summary>Task, Pass, Wait, Parallel and Map states need exactly one of Next and <c>"End": true</c>.</summary>
    private void CheckTransition(JsonObject state, string location)
    {
        bool hasNext = state.TryGetValue("Next", out var next);
        bool ends = false;
        if (state.TryGetValue("End", out var end))
        {
            if (end.IsBoolean)
            {
                ends = end.AsBoolean();
            }
            else
            {
                _context.Schema(DiagnosticMessages.Type("End", "a BOOLEAN"), Location.Field(location, "End"));
            }
        }

        if (hasNext)
        {
            ExpectString(next!, "Next", Location.Field(location, "Next"));
            if (ends)
            {
                _context.Schema(DiagnosticMessages.NextAndEnd, location);
            }
        }
        else if (!ends)
        {
            _context.Schema(DiagnosticMessages.NeitherNextNorEnd, location);
        }
    }

    /// <summary>The input/output fields every state type shares, each checked in the language it belongs to.</summary>
    private void CheckDataFields(JsonObject state, QueryLanguage language, string location)
    {
        foreach (var (field, value) in state)
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "Comment":
                    ExpectString(value, field, fieldLocation);
                    break;
                case "InputPath" or "OutputPath" when language == QueryLanguage.JsonPath:
                    CheckPath(value, field, fieldLocation, allowNull: true);
                    break;
                case "ResultPath" when language == QueryLanguage.JsonPath:
                    CheckResultPath(value, field, fieldLocation);
                    break;
                case "Parameters" or "ResultSelector" or "ItemSelector" when language == QueryLanguage.JsonPath:
                    CheckTemplate(value, fieldLocation);
                    break;
                case "Assign":
                    CheckAssign(value, language, fieldLocation);
                    break;
                case "Result" when Lookalikes.HasDynamicLookalike(value):
                    _context.Warning(DiagnosticCodes.PassResultIsStatic, DiagnosticMessages.PassResultIsStatic, fieldLocation);
                    break;
            }
        }
    }

    /// <summary>The nested machines: Parallel branches, and Map processors (ItemProcessor, legacy Iterator) that take a ProcessorConfig.</summary>
    private enum MachineKind
    {
        Branch,
        ItemProcessor,
    }
}
