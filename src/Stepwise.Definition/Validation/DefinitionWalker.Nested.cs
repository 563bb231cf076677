using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>Parallel and Map states, whose branches and item processors are state machines of their own.</summary>
internal sealed partial class DefinitionWalker
{
    private void WalkParallel(JsonObject state, QueryLanguage language, string location)
    {
        if (!state.TryGetValue("Branches", out var value))
        {
            _context.Schema(DiagnosticMessages.Required("Branches"), location);
        }
        else
        {
            string branchesLocation = Location.Field(location, "Branches");
            if (value is not JsonArray branches)
            {
                _context.Schema(DiagnosticMessages.Type("Branches", "an ARRAY"), branchesLocation);
            }
            else if (branches.Count == 0)
            {
                _context.Schema(DiagnosticMessages.Empty, branchesLocation);
            }
            else
            {
                for (int i = 0; i < branches.Count; i++)
                {
                    WalkNestedMachine(branches[i], "Branches", Location.Index(branchesLocation, i), MachineKind.Branch);
                }
            }
        }

        WalkErrorHandling(state, language, location);
    }

    private void WalkMap(JsonObject state, QueryLanguage language, string location)
    {
        bool hasProcessor = state.TryGetValue("ItemProcessor", out var processor);
        bool hasIterator = state.TryGetValue("Iterator", out var iterator);
        if (hasProcessor && hasIterator)
        {
            _context.Schema(DiagnosticMessages.Exclusive("ItemProcessor", "Iterator"), location);
        }
        else if (!hasProcessor && !hasIterator)
        {
            _context.Schema(DiagnosticMessages.Required("ItemProcessor"), location);
        }

        // The legacy Iterator takes a ProcessorConfig as well (AWS runs such definitions, recorded). With both
        // present, the ItemProcessor is the one checked: the conflict is already reported.
        var (processorField, machine) = hasProcessor ? ("ItemProcessor", processor) : ("Iterator", iterator);
        if (machine is not null)
        {
            int expressChildren = RunsExpressChildren(machine) ? 1 : 0;
            _context.ExpressChildDepth += expressChildren;
            WalkNestedMachine(machine, processorField, Location.Field(location, processorField), MachineKind.ItemProcessor);
            _context.ExpressChildDepth -= expressChildren;
        }

        bool jsonata = language == QueryLanguage.Jsonata;
        foreach (var (field, value) in state)
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "ItemsPath" or "MaxConcurrencyPath" or "ToleratedFailurePercentagePath" or "ToleratedFailureCountPath" when !jsonata:
                    CheckReferencePath(value, field, fieldLocation);
                    break;
                case "MaxConcurrency":
                    // AWS accepts values beyond Int32 and caps them at run time (measured), so only the sign matters.
                    CheckInteger(value, field, fieldLocation, minimum: 0, maximum: long.MaxValue, allowExpression: jsonata);
                    break;
                case "ToleratedFailureCount":
                    CheckInteger(value, field, fieldLocation, minimum: 0, maximum: long.MaxValue, allowExpression: jsonata);
                    break;
                case "ToleratedFailurePercentage":
                    CheckNumber(value, field, fieldLocation, minimum: 0, maximum: 100, allowExpression: jsonata);
                    break;
                case "Items" when jsonata && value is not JsonArray && !IsExpression(value):
                    _context.Schema(DiagnosticMessages.Type(field, "an ARRAY or a JSONata expression"), fieldLocation);
                    break;
                case "Label":
                    ExpectString(value, field, fieldLocation);
                    break;
                case "ItemReader":
                    WalkItemReader(value, language, fieldLocation);
                    break;
                case "ResultWriter":
                    WalkResultWriter(value, language, fieldLocation);
                    break;
                case "ItemBatcher":
                    WalkItemBatcher(value, language, fieldLocation);
                    break;
            }
        }

        foreach (string field in (ReadOnlySpan<string>)["MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount"])
        {
            if (state.ContainsKey(field) && state.ContainsKey(field + "Path"))
            {
                _context.Schema(DiagnosticMessages.Exclusive(field, field + "Path"), Location.Field(location, field));
            }
        }

        WalkErrorHandling(state, language, location);
    }

    /// <summary>A Distributed Map whose ProcessorConfig asks for EXPRESS child executions.</summary>
    private static bool RunsExpressChildren(JsonValue processor) =>
        processor is JsonObject p && p["ProcessorConfig"] is JsonObject config
        && config["Mode"] is JsonString { Value: "DISTRIBUTED" } && config["ExecutionType"] is JsonString { Value: "EXPRESS" };

    /// <summary>A Parallel branch, a Map ItemProcessor or a legacy Iterator: StartAt, States, Comment (+ ProcessorConfig).</summary>
    private void WalkNestedMachine(JsonValue value, string field, string location, MachineKind kind)
    {
        if (!CheckObject(value, field, location))
        {
            return;
        }

        var machine = value.AsObject();
        RequireMachineFields(machine, location);
        foreach (var (name, item) in machine)
        {
            switch (name)
            {
                case "StartAt" or "States":
                    break;
                case "Comment":
                    ExpectString(item, name, Location.Field(location, name));
                    break;
                case "ProcessorConfig" when kind == MachineKind.ItemProcessor:
                    WalkProcessorConfig(item, Location.Field(location, name));
                    break;
                default:
                    // QueryLanguage included: a nested machine cannot choose its own language (measured).
                    _context.Schema(DiagnosticMessages.NotSupported(name), location);
                    break;
            }
        }

        WalkMachine(machine, location);
    }

    private void WalkProcessorConfig(JsonValue value, string location)
    {
        if (!CheckObject(value, "ProcessorConfig", location))
        {
            return;
        }

        foreach (var (field, item) in value.AsObject())
        {
            switch (field)
            {
                case "Mode":
                    CheckEnum(item, field, Location.Field(location, field), "INLINE, DISTRIBUTED");
                    break;
                case "ExecutionType":
                    CheckEnum(item, field, Location.Field(location, field), "STANDARD, EXPRESS");
                    break;
                default:
                    _context.Schema(DiagnosticMessages.NotSupported(field), location);
                    break;
            }
        }
    }
}
