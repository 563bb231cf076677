using Stepwise.Json;

namespace Stepwise.Definition.Model;

/// <summary>
/// A set of states with a start state: the top level of a state machine, a Parallel branch, or a Map's
/// ItemProcessor. Each graph of a definition has a stable <see cref="Index"/> so a snapshot can name it without
/// holding a reference.
/// </summary>
public sealed class StateGraph
{
    private readonly Dictionary<string, State> _states;

    private StateGraph(string startAt, Dictionary<string, State> states, string? queryLanguage, int index)
    {
        StartAt = startAt;
        _states = states;
        QueryLanguage = queryLanguage;
        Index = index;
    }

    /// <summary>The name of the first state.</summary>
    public string StartAt { get; }

    /// <summary>The states by name.</summary>
    public IReadOnlyDictionary<string, State> States => _states;

    /// <summary>The graph's own <c>QueryLanguage</c>, if written.</summary>
    public string? QueryLanguage { get; }

    /// <summary>The position of this graph in <see cref="StateMachine.Graphs"/>.</summary>
    public int Index { get; }

    /// <summary>The state with this name; throws <see cref="KeyNotFoundException"/> for an unknown name.</summary>
    public State this[string name] => _states.TryGetValue(name, out var state)
        ? state
        : throw new KeyNotFoundException($"No state named '{name}'.");

    /// <summary>Every transition must name a state of the same graph; the interpreter relies on it.</summary>
    private static void CheckTransitions(State state, Dictionary<string, State> states)
    {
        void Check(string? target, string field)
        {
            if (target is not null && !states.ContainsKey(target))
            {
                throw new FormatException($"State '{state.Name}': {field} '{target}' names no state in the same scope.");
            }
        }

        if (!state.IsEnd && state.Next is null && state.Type is not (StateType.Choice or StateType.Succeed or StateType.Fail))
        {
            throw new FormatException($"State '{state.Name}': needs 'Next' or '\"End\": true'.");
        }

        Check(state.Next, "Next");
        switch (state)
        {
            case ChoiceState choice:
                Check(choice.Default, "Default");
                foreach (var rule in choice.RawChoices)
                {
                    Check(rule is JsonObject o && o.TryGetValue("Next", out var next) && next is JsonString n ? n.Value : null, "Choices[].Next");
                }

                break;
            case TaskState task:
                CheckCatchers(task.Catch);
                break;
            case ParallelState parallel:
                CheckCatchers(parallel.Catch);
                break;
            case MapState map:
                CheckCatchers(map.Catch);
                break;
        }

        void CheckCatchers(IReadOnlyList<Catcher> catchers)
        {
            foreach (var catcher in catchers)
            {
                Check(catcher.Next, "Catch[].Next");
            }
        }
    }

    internal static StateGraph Read(JsonObject json, string where, List<StateGraph> registry, bool checkTransitions = true)
    {
        var startAt = ModelReader.ReadRequiredString(json, "StartAt", where);
        if (!json.TryGetValue("States", out var statesValue) || statesValue is not JsonObject statesJson)
        {
            throw new FormatException($"{where}: 'States' must be an object.");
        }

        // Reserve the index before reading nested graphs so the root is always graph 0.
        int index = registry.Count;
        registry.Add(null!);
        var states = new Dictionary<string, State>(statesJson.Count, StringComparer.Ordinal);
        foreach (var (name, value) in statesJson)
        {
            states[name] = State.Read(name, value, registry);
        }

        if (!states.ContainsKey(startAt))
        {
            throw new FormatException($"{where}: StartAt '{startAt}' names no state.");
        }

        foreach (var state in states.Values)
        {
            if (checkTransitions)
            {
                CheckTransitions(state, states);
            }
        }

        var graph = new StateGraph(startAt, states, ModelReader.ReadOptionalString(json, "QueryLanguage", where), index);
        registry[index] = graph;
        return graph;
    }
}
