using Stepwise.Json;

namespace Stepwise.Definition.Model;

/// <summary>
/// An immutable ASL state machine: read once (paths and templates compiled once), then run any number of times.
/// </summary>
public sealed class StateMachine
{
    private StateMachine(JsonObject json, StateGraph root, IReadOnlyList<StateGraph> graphs)
    {
        Json = json;
        Root = root;
        Graphs = graphs;
        Comment = json.TryGetValue("Comment", out var c) && c is JsonString cs ? cs.Value : null;
        Version = json.TryGetValue("Version", out var v) && v is JsonString vs ? vs.Value : null;
        TimeoutSeconds = ModelReader.ReadOptionalInt64(json, "TimeoutSeconds", "State machine");
        QueryLanguage = ModelReader.ReadOptionalString(json, "QueryLanguage", "State machine") ?? "JSONPath";
    }

    /// <summary>The definition as written.</summary>
    public JsonObject Json { get; }

    /// <summary>The top-level states (graph 0).</summary>
    public StateGraph Root { get; }

    /// <summary>Every state graph of the definition (top level, branches, item processors), indexed by <see cref="StateGraph.Index"/>.</summary>
    public IReadOnlyList<StateGraph> Graphs { get; }

    /// <summary>The top-level <c>StartAt</c>.</summary>
    public string StartAt => Root.StartAt;

    /// <summary>The top-level states by name.</summary>
    public IReadOnlyDictionary<string, State> States => Root.States;

    /// <summary>The execution timeout in seconds; null when absent.</summary>
    public long? TimeoutSeconds { get; }

    /// <summary><c>QueryLanguage</c>: <c>JSONPath</c> (the default) or <c>JSONata</c>.</summary>
    public string QueryLanguage { get; }

    /// <summary>The optional <c>Comment</c>.</summary>
    public string? Comment { get; }

    /// <summary>The optional <c>Version</c>.</summary>
    public string? Version { get; }

    /// <summary>True when the state machine or any of its states uses <c>"QueryLanguage": "JSONata"</c>.</summary>
    public bool UsesJsonata
    {
        get
        {
            if (QueryLanguage == "JSONata")
            {
                return true;
            }

            foreach (var graph in Graphs)
            {
                foreach (var state in graph.States.Values)
                {
                    if (state.QueryLanguage == "JSONata")
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Reads a definition. The definition is assumed valid (run the validator first); anything unreadable throws a
    /// <see cref="FormatException"/> that names the state and field.
    /// </summary>
    public static StateMachine FromJson(JsonValue definition) => FromJson(definition, checkTransitions: true);

    /// <summary>
    /// Reads a definition; with <paramref name="checkTransitions"/> false the top-level states' Next, Default and
    /// Catch targets need not exist: a state taken out of its machine to be tested alone (TestState) keeps its
    /// transitions, and the interpreter never follows them.
    /// </summary>
    public static StateMachine FromJson(JsonValue definition, bool checkTransitions)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = definition as JsonObject ?? throw new FormatException("A state machine definition must be a JSON object.");
        var registry = new List<StateGraph>();
        var root = StateGraph.Read(json, "State machine", registry, checkTransitions);
        return new StateMachine(json, root, registry.ToArray());
    }
}
