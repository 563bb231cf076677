using System.Text;
using Stepwise.Definition.Model;
using Stepwise.Json;

namespace Stepwise.Definition.Diagrams;

/// <summary>
/// Writes a state machine as a diagram — the picture the web console draws, as text for docs and CI artefacts:
/// Parallel branches and Map item processors as nested boxes, Choice edges labelled with their rule, Catch edges dashed
/// and labelled with their error names, Retry noted on its state, terminal states marked; with an execution's statuses,
/// each state coloured by what happened.
/// </summary>
public static class StateDiagram
{
    /// <summary>Writes <paramref name="machine"/> in <paramref name="format"/>.</summary>
    /// <param name="machine">The definition.</param>
    /// <param name="format">Mermaid, DOT or SVG.</param>
    /// <param name="statuses">What happened to each state, by state name (state names are unique in a definition); null draws the definition alone.</param>
    public static string Write(StateMachine machine, DiagramFormat format, IReadOnlyDictionary<string, StateRunStatus>? statuses = null)
    {
        ArgumentNullException.ThrowIfNull(machine);
        DiagramWriter writer = format switch
        {
            DiagramFormat.Mermaid => new MermaidWriter(statuses),
            DiagramFormat.Dot => new DotWriter(statuses),
            DiagramFormat.Svg => new SvgWriter(statuses),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a diagram format."),
        };
        writer.Begin();
        var ids = new Dictionary<State, string>(ReferenceEqualityComparer.Instance);
        var terminals = new List<string>();
        WriteGraph(writer, machine.Root, ids, terminals);
        writer.Edge(DiagramWriter.StartId, ids[machine.Root[machine.StartAt]], null, EdgeStyle.Solid);
        foreach (string id in terminals)
        {
            writer.Edge(id, DiagramWriter.EndId, null, EdgeStyle.Solid);
        }

        return writer.End();
    }

    /// <summary>Writes the states of one graph, then their transitions; collects the states that end it successfully.</summary>
    private static void WriteGraph(DiagramWriter writer, StateGraph graph, Dictionary<State, string> ids, List<string>? terminals)
    {
        foreach (var (_, state) in graph.States)
        {
            string id = $"s{ids.Count}";
            ids[state] = id;
            switch (state)
            {
                case ParallelState parallel:
                    writer.BeginContainer(id, $"{state.Name} · Parallel{RetryNote(parallel.Retry)}", state.Name);
                    for (int i = 0; i < parallel.Branches.Count; i++)
                    {
                        writer.BeginContainer($"{id}_b{i}", $"Branch {i + 1}", null);
                        WriteGraph(writer, parallel.Branches[i], ids, null);
                        writer.EndContainer($"{id}_b{i}");
                    }

                    writer.EndContainer(id);
                    break;
                case MapState map:
                    writer.BeginContainer(id, $"{state.Name} · Map{RetryNote(map.Retry)}", state.Name);
                    WriteGraph(writer, map.ItemProcessor.Graph, ids, null);
                    writer.EndContainer(id);
                    break;
                default:
                    writer.Node(id, state.Name, NodeText(state), state.Type, state.IsEnd || state.Type is StateType.Succeed or StateType.Fail);
                    break;
            }

            if (terminals is not null && (state.IsEnd || state.Type == StateType.Succeed))
            {
                terminals.Add(id);
            }
        }

        foreach (var (_, state) in graph.States)
        {
            string from = ids[state];
            if (state is ChoiceState choice)
            {
                foreach (var rule in choice.RawChoices)
                {
                    if (rule is JsonObject ruleObject && ruleObject["Next"] is { IsString: true } next)
                    {
                        writer.Edge(from, ids[graph[next.AsString()]], ChoiceRuleText.Label(ruleObject), EdgeStyle.Solid);
                    }
                }

                if (choice.Default is { } fallback)
                {
                    writer.Edge(from, ids[graph[fallback]], "Default", EdgeStyle.Dotted);
                }
            }
            else if (state.Next is { } next)
            {
                writer.Edge(from, ids[graph[next]], null, EdgeStyle.Solid);
            }

            foreach (var catcher in Catchers(state))
            {
                writer.Edge(from, ids[graph[catcher.Next]], string.Join(", ", catcher.ErrorEquals), EdgeStyle.Dashed);
            }
        }
    }

    private static IReadOnlyList<Catcher> Catchers(State state) => state switch
    {
        TaskState task => task.Catch,
        ParallelState parallel => parallel.Catch,
        MapState map => map.Catch,
        _ => [],
    };

    /// <summary>The name, with what the state does beneath it and a note of its retriers.</summary>
    private static string NodeText(State state)
    {
        var text = new StringBuilder(state.Name);
        string? detail = state switch
        {
            TaskState task => ResourceText(task.Resource),
            FailState fail => fail.Error,
            _ => null,
        };
        if (detail is not null)
        {
            text.Append('\n').Append(detail);
        }

        if (state is TaskState { Retry.Count: > 0 } retrying)
        {
            text.Append(RetryNote(retrying.Retry));
        }

        return text.ToString();
    }

    private static string RetryNote(IReadOnlyList<Retrier> retriers)
    {
        if (retriers.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("\nRetry: ");
        for (int i = 0; i < retriers.Count; i++)
        {
            text.Append(i > 0 ? "; " : "").Append(string.Join(", ", retriers[i].ErrorEquals)).Append(" ×").Append(retriers[i].MaxAttempts);
        }

        return text.ToString();
    }

    /// <summary><c>arn:aws:states:::lambda:invoke</c> reads best as <c>lambda:invoke</c>, a function ARN as its name.</summary>
    private static string ResourceText(string resource)
    {
        const string ServicePrefix = ":states:::";
        int service = resource.IndexOf(ServicePrefix, StringComparison.Ordinal);
        if (service >= 0)
        {
            return resource[(service + ServicePrefix.Length)..];
        }

        int function = resource.IndexOf(":function:", StringComparison.Ordinal);
        if (function >= 0)
        {
            return "lambda: " + resource[(function + 10)..].Split(':')[0];
        }

        int activity = resource.IndexOf(":activity:", StringComparison.Ordinal);
        return activity >= 0 ? "activity: " + resource[(activity + 10)..] : resource;
    }
}
