using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.MapRuns;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// A distributed Map runs its items as a Map Run of child executions, outside the execution: Decide records the run's
/// start and asks the host for it (<see cref="StartMapRunCommand"/>), the host answers with its outcome. The snapshot
/// keeps only the run's ARN, on the Map state's frame, while it waits.
/// </summary>
internal sealed partial class Stepper
{
    /// <summary>
    /// After MapStateStarted: records MapRunStarted (<c>arn:…:mapRun:&lt;machine&gt;/&lt;label or id&gt;:&lt;id&gt;</c>),
    /// evaluates the ItemReader, ItemBatcher and ResultWriter against the effective input, and asks the host to run it.
    /// <paramref name="items"/> is null when the reader reads them.
    /// </summary>
    private void StartMapRun(Frame frame, MapState state, JsonValue effective, JsonArray? items, long maxConcurrency, long toleratedCount,
        double toleratedPercentage)
    {
        // AWS evaluates the batcher of items from the input before the run starts, and a reader's after it.
        MapRunBatcher? batcher = null;
        if (items is not null && state.ItemBatcher is { } itemBatcher && !TryEvaluateBatcher(frame, state, itemBatcher, effective, out batcher))
        {
            return;
        }

        string mapRunArn;
        if (frame.RedriveMapRun && frame.LastMapRunArn is { } redriven)
        {
            if (frame.LastMapRunRedriveCount >= StartMapRunCommand.MaxRedrives)
            {
                frame.RedriveMapRun = false;
                StateFailed(frame, state, StatesErrors.Runtime,
                    $"The Map Run {redriven} was redriven {StartMapRunCommand.MaxRedrives} times, the most a Map Run can be redriven.");
                return;
            }

            // AWS developer guide, "Redriving Map Runs": a redriven parent redrives the same run (same ARN), counting
            // the redrive on it, and reruns only its unsuccessful children.
            mapRunArn = redriven;
            frame.LastMapRunRedriveCount++;
            Emit(frame, "MapRunRedriven", "mapRunRedrivenEventDetails",
                JsonObject.Create(("mapRunArn", (JsonValue)mapRunArn), ("redriveCount", frame.LastMapRunRedriveCount)));
        }
        else
        {
            string label = state.Label ?? NewId();
            mapRunArn = _snapshot.Info.StateMachineArn.Replace(":stateMachine:", ":mapRun:", StringComparison.Ordinal) + "/" + label + ":" + NewId();
            frame.LastMapRunArn = mapRunArn;
            frame.LastMapRunRedriveCount = 0;
            Emit(frame, "MapRunStarted", "mapRunStartedEventDetails", JsonObject.Create(("mapRunArn", (JsonValue)mapRunArn)));
        }

        frame.RedriveMapRun = false;

        MapRunReader? reader = null;
        if (items is null)
        {
            var readerJson = state.ItemReader!.AsObject();
            if (!TryEvaluateItemIO(frame, state, readerJson, "ReaderConfig", effective, out var arguments, out var config))
            {
                return;
            }

            reader = new MapRunReader(readerJson["Resource"]!.AsString(), arguments, config ?? JsonObject.Empty);
            if (state.ItemBatcher is { } readBatcher && !TryEvaluateBatcher(frame, state, readBatcher, effective, out batcher))
            {
                return;
            }
        }

        MapRunWriter? writer = null;
        if (state.ResultWriter is JsonObject writerJson)
        {
            if (!TryEvaluateItemIO(frame, state, writerJson, "WriterConfig", effective, out var arguments, out var config))
            {
                return;
            }

            writer = new MapRunWriter(writerJson["Resource"] is JsonString resource ? resource.Value : string.Empty, arguments, config);
        }

        frame.FanOut = new FanOut
        {
            MapRunArn = mapRunArn,
            Items = [],
            EffectiveInput = effective,
            LastCompletionEventId = frame.LastEventId,
        };
        frame.Phase = FramePhase.WaitingChildren;
        long concurrency = maxConcurrency == 0 || maxConcurrency > StartMapRunCommand.MaxChildConcurrency
            ? StartMapRunCommand.MaxChildConcurrency
            : maxConcurrency;
        Commands.Add(new StartMapRunCommand(mapRunArn, state.Name, ChildDefinition(state), state.ItemProcessor.ProcessorConfig.ExecutionType ?? "STANDARD",
            items, reader, batcher, writer, concurrency, toleratedCount, toleratedPercentage, ItemScope(frame, effective), frame.LastMapRunRedriveCount));
    }

    /// <summary>
    /// The ItemProcessor as a state machine of its own: its states run in a child execution, which reads the parent's
    /// query language but none of its variables.
    /// </summary>
    private JsonObject ChildDefinition(MapState state)
    {
        var processor = (state.Json["ItemProcessor"] ?? state.Json["Iterator"])!.AsObject();
        var builder = new JsonObjectBuilder(processor.Count + 1);
        if (!processor.ContainsKey("QueryLanguage") && _definition.QueryLanguage != "JSONPath")
        {
            builder.Set("QueryLanguage", _definition.QueryLanguage);
        }

        foreach (var (key, value) in processor)
        {
            if (key != "ProcessorConfig")
            {
                builder.Set(key, value);
            }
        }

        return builder.ToObject();
    }

    private MapItemScope ItemScope(Frame frame, JsonValue effective)
    {
        var variables = new JsonObjectBuilder(0);
        frame.Variables.VisitVisible(variables, static (builder, name, value) => builder.Set(name, value));
        return new MapItemScope(_snapshot.Info, frame.GraphIndex, frame.StateName, frame.StateInput, effective, frame.EnteredTime,
            frame.EnteredEventId, frame.RetryCount, variables.ToObject());
    }

    /// <summary>
    /// The host ran every item: MapRunSucceeded follows MapRunStarted, MapStateSucceeded follows it, and MapStateExited
    /// chains from MapRunStarted again. AWS changed that last link in 2024: every recording since November 2024 has it
    /// (the corpus's MAP_STATE_REFERENCE_IN_* and nested_config_distributed cases), older ones chained it from MapRunSucceeded.
    /// </summary>
    private void OnMapRunSucceeded(MapRunSucceededStimulus answer)
    {
        if (!TryGetMapRunFrame(answer.MapRunArn, out var frame, out var state))
        {
            return;
        }

        long runStarted = frame.LastEventId;
        frame.LastMapRunArn = null;
        Emit(frame, "MapRunSucceeded", null, null);
        Emit(frame, "MapStateSucceeded", null, null, advance: false);
        frame.LastEventId = runStarted;
        _runnable.Enqueue(frame.Id);
        FinishFanOut(frame, state, answer.Output);
    }

    /// <summary>The run failed: MapRunFailed with its error and cause, then the Map state fails with them (Retry and Catch apply).</summary>
    private void OnMapRunFailed(MapRunFailedStimulus answer)
    {
        if (!TryGetMapRunFrame(answer.MapRunArn, out var frame, out var state))
        {
            return;
        }

        frame.FanOut = null;
        frame.Phase = FramePhase.Executing;
        _runnable.Enqueue(frame.Id);
        Emit(frame, "MapRunFailed", "mapRunFailedEventDetails", ErrorDetails(answer.Error, answer.Cause));
        StateFailed(frame, state, answer.Error, answer.Cause);
    }

    /// <summary>The frame whose Map state waits on the run; false for a run nothing waits on any more (it was stopped).</summary>
    private bool TryGetMapRunFrame(string mapRunArn, out Frame frame, out MapState state)
    {
        foreach (var (_, candidate) in _frames)
        {
            if (candidate.Phase == FramePhase.WaitingChildren && string.Equals(candidate.FanOut?.MapRunArn, mapRunArn, StringComparison.Ordinal))
            {
                frame = GetFrame(candidate.Id);
                state = (MapState)CurrentState(frame);
                return true;
            }
        }

        frame = null!;
        state = null!;
        return false;
    }

    /// <summary>When the execution ends, the runs it still waits on are stopped (AWS aborts a finished execution's map runs).</summary>
    private void StopWaitingMapRuns()
    {
        foreach (var (_, frame) in _frames)
        {
            if (frame.Phase == FramePhase.WaitingChildren && frame.FanOut?.MapRunArn is { } mapRunArn)
            {
                Commands.Add(new StopMapRunCommand(mapRunArn));
            }
        }
    }
}
