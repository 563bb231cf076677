using System.Globalization;
using Spectre.Console;
using Stepwise.Json;
using Stepwise.Runtime;

namespace Stepwise.Cli.Output;

/// <summary>
/// Turns the history, event by event, into one line per state: its name, type, duration, the retries it took and how an
/// error ended (caught, or fatal). Nested Map iterations and Parallel branches are indented under their state.
/// </summary>
internal sealed class RunProgressPrinter(IAnsiConsole console)
{
    // Concurrent Map iterations and Parallel branches can have several states of one name open at once.
    private readonly Dictionary<string, List<StateProgress>> _open = new(StringComparer.Ordinal);
    private int _depth;

    public void OnEvent(HistoryEvent e)
    {
        string type = e.Type;
        if (type.EndsWith("StateEntered", StringComparison.Ordinal))
        {
            string name = Name(e);
            if (!_open.TryGetValue(name, out var sameName))
            {
                _open[name] = sameName = [];
            }

            sameName.Add(new StateProgress(type[..^"StateEntered".Length], e.Timestamp));
            if (type is "MapStateEntered" or "ParallelStateEntered")
            {
                console.MarkupLine($"{Indent()}[blue]▸[/] {Markup.Escape(name)} [grey]({type[..^"StateEntered".Length]})[/]");
                _depth++;
            }

            return;
        }

        if (type.EndsWith("StateExited", StringComparison.Ordinal))
        {
            string name = Name(e);
            if (type is "MapStateExited" or "ParallelStateExited")
            {
                _depth = Math.Max(0, _depth - 1);
            }

            if (_open.TryGetValue(name, out var sameName) && sameName.Count > 0)
            {
                var state = sameName[0];
                sameName.RemoveAt(0);
                string outcome = state.Error is null ? "[green]✓[/]" : "[yellow]↪[/]";
                string caught = state.Error is null ? "" : $" [yellow]caught {Markup.Escape(state.Error)}[/]";
                console.MarkupLine($"{Indent()}{outcome} {Markup.Escape(name)} [grey]({state.Type})[/] {Duration(e.Timestamp - state.Entered)}{Retries(state)}{caught}");
            }

            return;
        }

        switch (type)
        {
            case "TaskFailed" or "LambdaFunctionFailed" or "ActivityFailed" or "TaskTimedOut" or "LambdaFunctionTimedOut" or "ActivityTimedOut" or "ExecutionFailed" when LastOpen() is { } failing:
                failing.Error = e.Details?["error"] is JsonString error ? error.Value : type;
                break;
            case "TaskScheduled" or "LambdaFunctionScheduled" or "ActivityScheduled" when LastOpen() is { } retrying && retrying.Error is not null:
                retrying.Retries++;
                retrying.Error = null;
                break;
            case "MapIterationFailed":
                console.MarkupLine($"{Indent()}[red]✗[/] iteration {Index(e)} failed");
                break;
        }
    }

    /// <summary>States still open when the execution ended are where it failed.</summary>
    public void Finish(string? error)
    {
        foreach (var (name, states) in _open)
        {
            foreach (var state in states)
            {
                console.MarkupLine($"{Indent()}[red]✗[/] {Markup.Escape(name)} [grey]({state.Type})[/]{Retries(state)} [red]{Markup.Escape(state.Error ?? error ?? "failed")}[/]");
            }
        }

        _open.Clear();
    }

    private StateProgress? LastOpen()
    {
        StateProgress? last = null;
        foreach (var states in _open.Values)
        {
            foreach (var state in states)
            {
                if (last is null || state.Entered >= last.Entered)
                {
                    last = state;
                }
            }
        }

        return last;
    }

    private string Indent() => new(' ', 2 + (_depth * 2));

    private static string Name(HistoryEvent e) => e.Details?["name"] is JsonString name ? name.Value : e.Type;

    private static string Index(HistoryEvent e) => e.Details?["index"] is JsonNumber index ? index.ToJsonString() : "?";

    private static string Retries(StateProgress state) =>
        state.Retries == 0 ? "" : $" [yellow]{state.Retries} retr{(state.Retries == 1 ? "y" : "ies")}[/]";

    private static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds >= 1
        ? $"[grey]{elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s[/]"
        : $"[grey]{elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms[/]";

    private sealed class StateProgress(string type, DateTimeOffset entered)
    {
        public string Type { get; } = type;

        public DateTimeOffset Entered { get; } = entered;

        public int Retries { get; set; }

        public string? Error { get; set; }
    }
}
