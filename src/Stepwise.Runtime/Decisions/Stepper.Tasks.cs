using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Decisions;

internal sealed partial class Stepper
{
    private void ExecuteTask(Frame frame, TaskState state)
    {
        if (!TryApplyPath(frame, state, state.InputPath, frame.StateInput, out var effective))
        {
            return;
        }

        Inspector?.Data.AfterInputPath = effective;
        var resource = TaskResource.Of(state);
        string? token = resource.WaitsForTaskToken ? NewTaskToken() : null;
        var context = BuildContext(frame, state, token);
        var parameters = effective;
        if (state.Parameters is not null && !TryApplyTemplate(frame, state, state.Parameters, new PathScope(effective, context, frame.Variables, _random), out parameters))
        {
            return;
        }

        long? timeout = state.TimeoutSeconds;
        if (state.TimeoutSecondsPath is not null)
        {
            if (!TryEvaluatePath(frame, state, state.TimeoutSecondsPath, effective, out var value))
            {
                return;
            }

            if (!TryReadCount(value, out long t) || t <= 0)
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                    $"The TimeoutSecondsPath parameter does not reference a positive integer: {state.TimeoutSecondsPath.Text} == {Display(value)}")));
                return;
            }

            timeout = t;
        }

        long? heartbeat = state.HeartbeatSeconds;
        if (state.HeartbeatSecondsPath is not null)
        {
            if (!TryEvaluatePath(frame, state, state.HeartbeatSecondsPath, effective, out var value))
            {
                return;
            }

            if (!TryReadCount(value, out long h) || h <= 0)
            {
                StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError(
                    $"The HeartbeatSecondsPath parameter does not reference a positive integer: {state.HeartbeatSecondsPath.Text} == {Display(value)}")));
                return;
            }

            heartbeat = h;
        }

        JsonObject? credentials = null;
        if (state.CredentialsTemplate is not null)
        {
            // AWS records the evaluated role as the scheduled event's taskCredentials (credentials/test_credentials_base).
            if (!TryApplyTemplate(frame, state, state.CredentialsTemplate, new PathScope(effective, context, frame.Variables, _random), out var evaluated))
            {
                return;
            }

            credentials = TaskCredentials(evaluated);
        }

        ScheduleTask(frame, state, resource, token, context, parameters, timeout, heartbeat, credentials);
    }

    /// <summary>Records the task's scheduling event and asks the host to run it (both query languages end here).</summary>
    private void ScheduleTask(Frame frame, TaskState state, TaskResource resource, string? token, JsonObject context,
        JsonValue parameters, long? timeout, long? heartbeat, JsonObject? credentials)
    {
        if (Inspector is { } inspector)
        {
            if (IsJsonata(state))
            {
                inspector.Data.AfterArguments = parameters;
            }
            else
            {
                inspector.Data.AfterParameters = parameters;
            }
        }

        if (resource.IsActivity && _missingActivities is { } missing && missing.Contains(resource.Arn))
        {
            // AWS fails the state before it schedules anything (activities/test_activity_task_on_deleted).
            StateFailed(frame, state, WithStatePrefix(frame, state, RuntimeError($"The activity {resource.Arn} does not exist.")));
            return;
        }

        long taskId = _snapshot.NextTaskId++;
        // A worker answers an activity task with the token GetActivityTask hands it; the state's context has no
        // Task.Token (that is the .waitForTaskToken pattern's), so the token is drawn only now.
        token ??= resource.IsActivity ? NewTaskToken() : null;
        if ((resource.IsLambdaFunction || resource.IsActivity) && timeout is null && !(resource.IsActivity && heartbeat is not null) && credentials is null)
        {
            // The common shape, built only if someone reads it (see LazyEventDetails).
            EmitTaskEvent(frame, resource, "Scheduled", LazyEventDetails.Scheduled(resource.Arn, parameters));
        }
        else if (resource.IsLambdaFunction || resource.IsActivity)
        {
            // Lambda function ARNs and activities record the input itself; only activities have heartbeats.
            // Sized exactly, so that building the object copies nothing.
            var details = new JsonObjectBuilder(3 + (timeout is null ? 0 : 1) + (resource.IsActivity && heartbeat is not null ? 1 : 0) + (credentials is null ? 0 : 1))
                .Set("resource", resource.Arn)
                .Set("input", JsonString.TextOf(parameters))
                .Set("inputDetails", NotTruncated);
            if (timeout is long lt)
            {
                details.Set("timeoutInSeconds", lt);
            }

            if (resource.IsActivity && heartbeat is long ah)
            {
                details.Set("heartbeatInSeconds", ah);
            }

            if (credentials is not null)
            {
                details.Set("taskCredentials", credentials);
            }

            EmitTaskEvent(frame, resource, "Scheduled", details.ToObject());
        }
        else
        {
            var details = new JsonObjectBuilder(4 + (timeout is null ? 0 : 1) + (heartbeat is null ? 0 : 1) + (credentials is null ? 0 : 1))
                .Set("resourceType", resource.ResourceType)
                .Set("resource", resource.Resource)
                .Set("region", _snapshot.Info.Region)
                .Set("parameters", JsonString.TextOf(parameters));
            if (timeout is long tt)
            {
                details.Set("timeoutInSeconds", tt);
            }

            if (heartbeat is long hh)
            {
                details.Set("heartbeatInSeconds", hh);
            }

            if (credentials is not null)
            {
                details.Set("taskCredentials", credentials);
            }

            Emit(frame, "TaskScheduled", "taskScheduledEventDetails", details.ToObject());
        }

        _snapshot.Tasks = _snapshot.Tasks.SetItem(taskId, new PendingTask(frame.Id, resource, Started: false));
        frame.TaskId = taskId;
        frame.TaskToken = token;
        frame.Phase = FramePhase.WaitingTask;
        if (timeout is long seconds)
        {
            frame.TimerId = StartTimer(frame.Id, TimerPurpose.TaskTimeout, TimeSpan.FromSeconds(seconds));
        }

        if (heartbeat is long beat)
        {
            frame.HeartbeatSeconds = beat;
            frame.HeartbeatTimerId = StartTimer(frame.Id, TimerPurpose.HeartbeatTimeout, TimeSpan.FromSeconds(beat));
        }

        Commands.Add(new InvokeTaskCommand(taskId, state.Name, state.Resource, parameters, token, context, timeout, heartbeat, resource.IsActivity));
    }

    private string NewTaskToken() => TaskTokens.New(_random, _snapshot.Info.ExecutionArn);

    private bool TryGetTaskFrame(long taskId, out Frame frame, out PendingTask task)
    {
        frame = null!;
        return _snapshot.Tasks.TryGetValue(taskId, out task)
            && TryGetFrame(task.FrameId, out frame!)
            && frame.Phase == FramePhase.WaitingTask
            && frame.TaskId == taskId;
    }

    private void OnTaskStarted(long taskId, string? workerName)
    {
        if (!TryGetTaskFrame(taskId, out var frame, out var task) || task.Started)
        {
            return;
        }

        _snapshot.Tasks = _snapshot.Tasks.SetItem(taskId, task with { Started = true });
        if (task.Resource.IsLambdaFunction)
        {
            Emit(frame, "LambdaFunctionStarted", null, null);
        }
        else if (task.Resource.IsActivity)
        {
            var details = new JsonObjectBuilder(1);
            if (workerName is not null)
            {
                details.Set("workerName", workerName);
            }

            EmitTaskEvent(frame, task.Resource, "Started", details.ToObject());
        }
        else
        {
            EmitTaskEvent(frame, task.Resource, "Started", ResourceDetails(task.Resource, 0).ToObject());
        }
    }

    private void OnTaskHeartbeat(long taskId)
    {
        if (!TryGetTaskFrame(taskId, out var frame, out _) || frame.HeartbeatTimerId == 0)
        {
            return;
        }

        // A heartbeat restarts the heartbeat clock.
        CancelTimer(frame.HeartbeatTimerId);
        frame.HeartbeatTimerId = StartTimer(frame.Id, TimerPurpose.HeartbeatTimeout, TimeSpan.FromSeconds(frame.HeartbeatSeconds));
    }

    private void OnTaskSubmitted(long taskId, JsonValue output)
    {
        if (!TryGetTaskFrame(taskId, out var frame, out var task))
        {
            return;
        }

        EmitTaskEvent(frame, task.Resource, "Submitted", DetailsFor(task.Resource, 2)
            .Set("output", JsonString.TextOf(output))
            .Set("outputDetails", NotTruncated)
            .ToObject());
    }

    private void OnTaskSucceeded(long taskId, JsonValue output)
    {
        if (!TryGetTaskFrame(taskId, out var frame, out var task))
        {
            return;
        }

        var state = (TaskState)CurrentState(frame);
        EndTask(frame, taskId);
        if (output.GetUtf8Size() > _maxPayloadBytes)
        {
            // The result itself is over the limit: AWS records it as the task's own failure, which catchers can handle.
            // AWS names a Lambda function by its ARN here, and a service integration by its resource type ('lambda').
            string cause = $"The state/task '{(task.Resource.IsLambdaFunction ? task.Resource.Arn : task.Resource.ResourceType)}' returned a result with a size exceeding the maximum number of bytes service limit.";
            RecordTaskFailure(frame, task.Resource, StatesErrors.DataLimitExceeded, cause);
            StateFailed(frame, state, StatesErrors.DataLimitExceeded, cause);
            _runnable.Enqueue(frame.Id);
            return;
        }

        if (task.Resource.IsLambdaFunction || task.Resource.IsActivity)
        {
            EmitTaskEvent(frame, task.Resource, "Succeeded", LazyEventDetails.Output(output));
        }
        else
        {
            EmitTaskEvent(frame, task.Resource, "Succeeded", ResourceDetails(task.Resource, 2)
                .Set("output", JsonString.TextOf(output))
                .Set("outputDetails", NotTruncated)
                .ToObject());
        }

        Inspector?.Data.Result = output;

        if (IsJsonata(state))
        {
            FinishJsonataState(frame, state, output, state.Next);
            _runnable.Enqueue(frame.Id);
            return;
        }

        var result = output;
        if (state.ResultSelector is not null
            && !TryApplyTemplate(frame, state, state.ResultSelector, new PathScope(output, BuildContext(frame, state, frame.TaskToken), frame.Variables, _random), out result))
        {
            _runnable.Enqueue(frame.Id);
            return;
        }

        // Assign reads the state's result: the task's output after ResultSelector, before ResultPath.
        Inspector?.Data.AfterResultSelector = result;
        if (TryEvaluateAssign(frame, state, state.Assign, result, out var assigned)
            && TryApplyResultPath(frame, state, state.ResultPath, frame.StateInput, result, out var stateOutput))
        {
            Inspector?.Data.AfterResultPath = stateOutput;
            if (TryApplyPath(frame, state, state.OutputPath, stateOutput, out stateOutput))
            {
                ExitState(frame, state, stateOutput, state.Next, assigned);
            }
        }

        _runnable.Enqueue(frame.Id);
    }

    private void OnTaskFailed(long taskId, string error, string? cause)
    {
        if (!TryGetTaskFrame(taskId, out var frame, out var task))
        {
            return;
        }

        EndTask(frame, taskId);
        RecordTaskFailure(frame, task.Resource, error, cause);
        StateFailed(frame, CurrentState(frame), error, cause);
        _runnable.Enqueue(frame.Id);
    }

    private void TimeOutTask(Frame frame, string error)
    {
        long taskId = frame.TaskId;
        if (!_snapshot.Tasks.TryGetValue(taskId, out var task))
        {
            return;
        }

        EndTask(frame, taskId);
        Commands.Add(new CancelTaskCommand(taskId));
        EmitTaskEvent(frame, task.Resource, "TimedOut", DetailsFor(task.Resource, 1).Set("error", error).ToObject());

        StateFailed(frame, CurrentState(frame), error, null);
    }

    private void RecordTaskFailure(Frame frame, TaskResource resource, string error, string? cause)
    {
        var details = DetailsFor(resource, 2).Set("error", error);
        if (cause is not null)
        {
            details.Set("cause", cause);
        }

        EmitTaskEvent(frame, resource, "Failed", details.ToObject());
    }

    /// <summary>Forgets the pending task and its timers; the frame stays in its Task state until the caller moves it.</summary>
    private void EndTask(Frame frame, long taskId)
    {
        _snapshot.Tasks = _snapshot.Tasks.Remove(taskId);
        CancelTimer(frame.TimerId);
        CancelTimer(frame.HeartbeatTimerId);
        frame.TimerId = 0;
        frame.HeartbeatTimerId = 0;
        frame.TaskId = 0;
        frame.Phase = FramePhase.Executing;
    }

    /// <summary>
    /// Records a task lifecycle event in the family AWS uses for the resource: <c>LambdaFunction*</c> for a bare
    /// function ARN, <c>Activity*</c> for an activity, <c>Task*</c> for service integrations.
    /// </summary>
    private void EmitTaskEvent(Frame frame, TaskResource resource, string suffix, JsonObject details)
    {
        var (type, detailsName) = TaskEventNames.Of(resource, suffix);
        Emit(frame, type, detailsName, details);
    }

    /// <summary>Records a task lifecycle event whose details are built only when read (see <see cref="LazyEventDetails"/>).</summary>
    private void EmitTaskEvent(Frame frame, TaskResource resource, string suffix, LazyEventDetails details)
    {
        var (type, detailsName) = TaskEventNames.Of(resource, suffix);
        EmitLazy(frame, type, detailsName, details);
    }

    /// <summary>
    /// Service-integration events name their resource; Lambda-function and activity outcome events do not. The builder
    /// has room for exactly <paramref name="members"/> more, so that building the object copies nothing.
    /// </summary>
    private static JsonObjectBuilder DetailsFor(TaskResource resource, int members) =>
        resource.IsLambdaFunction || resource.IsActivity ? new JsonObjectBuilder(members) : ResourceDetails(resource, members);

    private static JsonObjectBuilder ResourceDetails(TaskResource resource, int members) => new JsonObjectBuilder(2 + members)
        .Set("resourceType", resource.ResourceType)
        .Set("resource", resource.Resource);
}
