using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>
/// The graph checks of one (nested) state machine, in AWS's order: transitions to missing states, then unreachable
/// states, then a machine with no terminal state. A machine with no terminal state reports no unreachable states
/// (measured on AWS: the loop A→B→A plus an orphan gives only MISSING_END_STATE).
/// </summary>
internal static class GraphAnalysis
{
    public static void Check(ValidationContext context, JsonObject states, string? startAt, string machineLocation)
    {
        string statesLocation = Location.Field(machineLocation, "States");
        bool hasTerminal = false;
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        if (startAt is not null)
        {
            if (states.ContainsKey(startAt))
            {
                reachable.Add(startAt);
                pending.Push(startAt);
            }
            else
            {
                context.Graph(DiagnosticCodes.MissingTransitionTarget, DiagnosticMessages.MissingTarget(startAt), Location.Field(machineLocation, "StartAt"));
            }
        }

        var targets = new List<(string Target, string Location)>();
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in states)
        {
            if (value is not JsonObject state)
            {
                continue;
            }

            string location = Location.Field(statesLocation, name);
            hasTerminal |= IsTerminal(state);
            targets.Clear();
            CollectTargets(state, location, targets);
            var next = new List<string>(targets.Count);
            foreach (var (target, targetLocation) in targets)
            {
                if (states.ContainsKey(target))
                {
                    next.Add(target);
                }
                else
                {
                    context.Graph(DiagnosticCodes.MissingTransitionTarget, DiagnosticMessages.MissingTarget(target), targetLocation);
                }
            }

            edges[name] = next;
        }

        if (!hasTerminal)
        {
            context.Graph(DiagnosticCodes.MissingEndState, DiagnosticMessages.NoTerminalState, "");
            return;
        }

        if (startAt is null)
        {
            return;
        }

        while (pending.Count != 0)
        {
            if (!edges.TryGetValue(pending.Pop(), out var next))
            {
                continue;
            }

            foreach (string target in next)
            {
                if (reachable.Add(target))
                {
                    pending.Push(target);
                }
            }
        }

        foreach (string name in states.Keys)
        {
            if (!reachable.Contains(name))
            {
                context.Graph(DiagnosticCodes.MissingTransitionTarget, DiagnosticMessages.Unreachable(name), Location.Field(statesLocation, name));
            }
        }
    }

    private static bool IsTerminal(JsonObject state) =>
        (state.TryGetValue("Type", out var type) && type is JsonString { Value: "Succeed" or "Fail" })
        || (state.TryGetValue("End", out var end) && end.Kind == JsonValueKind.True);

    /// <summary>Next, Choices[i].Next, Default and Catch[i].Next, each with the location AWS reports.</summary>
    private static void CollectTargets(JsonObject state, string location, List<(string, string)> targets)
    {
        if (state.TryGetValue("Next", out var next) && next is JsonString n)
        {
            targets.Add((n.Value, Location.Field(location, "Next")));
        }

        CollectRuleTargets(state, "Choices", location, targets);
        if (state.TryGetValue("Default", out var fallback) && fallback is JsonString d)
        {
            targets.Add((d.Value, Location.Field(location, "Default")));
        }

        CollectRuleTargets(state, "Catch", location, targets);
    }

    private static void CollectRuleTargets(JsonObject state, string field, string location, List<(string, string)> targets)
    {
        if (state.TryGetValue(field, out var list) && list is JsonArray rules)
        {
            string listLocation = Location.Field(location, field);
            for (int i = 0; i < rules.Count; i++)
            {
                if (rules[i] is JsonObject rule && rule.TryGetValue("Next", out var target) && target is JsonString t)
                {
                    targets.Add((t.Value, Location.Field(Location.Index(listLocation, i), "Next")));
                }
            }
        }
    }
}
