using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// Nested executions: <c>arn:aws:states:::states:startExecution</c> starts an execution of another stored state machine
/// (request-response: the StartExecution response), <c>.waitForTaskToken</c> starts it and waits for a callback with
/// the token (which the child receives in its input), <c>.sync</c> and <c>.sync:2</c> start it, record TaskSubmitted
/// and wait durably, holding no dispatcher slot, until the child's completion answers the task with its
/// DescribeExecution (Input and Output as JSON text or as JSON). A parent that no longer waits stops its child.
/// </summary>
public sealed partial class DurableEngine
{
    private void RegisterNestedExecutions()
    {
        _tasks.RegisterTask(NestedExecutionWork.StartExecution, StartNestedAsync);
        _tasks.RegisterTask(NestedExecutionWork.StartExecution + ".waitForTaskToken", StartNestedAsync);
        _dispatcher.RegisterEngineTask(NestedExecutionWork.StartExecutionSync, (work, cancellationToken) => StartWaitedChildAsync(work, parsed: false, cancellationToken));
        _dispatcher.RegisterEngineTask(NestedExecutionWork.StartExecutionSync2, (work, cancellationToken) => StartWaitedChildAsync(work, parsed: true, cancellationToken));
        _dispatcher.RegisterWork(WorkKinds.AnswerParent, AnswerParentAsync);
        _dispatcher.RegisterWork(WorkKinds.StopChild, StopChildAsync);
    }

    private async ValueTask<JsonValue> StartNestedAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var start = NestedStart.Read(request.Input, request.Context);
        var child = await StartChildAsync(start, parent: null, cancellationToken).ConfigureAwait(false);
        return NestedExecutionShapes.StartResponse(child, start.RequestId);
    }

    /// <summary>
    /// A <c>.sync</c> task: starts the child linked to the task and answers "submitted" with the StartExecution response;
    /// the child's completion answers the task later (<see cref="AnswerParentAsync"/>).
    /// </summary>
    private async ValueTask<TaskOutcome> StartWaitedChildAsync(TaskWork work, bool parsed, CancellationToken cancellationToken)
    {
        try
        {
            var start = NestedStart.Read(work.Command.Input, work.Command.Context);
            var parent = new ParentTask(work.ExecutionArn, work.Command.TaskId, parsed, start.RequestId);
            var child = await StartChildAsync(start, parent, cancellationToken).ConfigureAwait(false);
            if (!await IsTaskPendingAsync(work.ExecutionArn, work.Command.TaskId, cancellationToken).ConfigureAwait(false))
            {
                // The parent stopped waiting while the child started, and its stop-child work may have found no child yet.
                await StopExecutionAsync(child.ExecutionArn, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return TaskOutcome.Submitted(NestedExecutionShapes.StartResponse(child, start.RequestId));
        }
        catch (TaskFailedException e)
        {
            return TaskOutcome.Failure(e.Error, e.Cause);
        }
    }

    /// <summary>
    /// A child of a <c>.sync</c> task finished: answers the task with the child's description (AWS fails it with
    /// States.TaskFailed and the description as the cause unless the child succeeded:
    /// callback/test_start_execution_sync_delegate_failure), in the step that completes the work item.
    /// </summary>
    private async Task<LeasedWorkItem?> AnswerParentAsync(LeasedWorkItem item, CancellationToken cancellationToken)
    {
        var (parent, childArn) = NestedExecutionWork.ReadAnswerParent(item.Item.Payload);
        var child = await _store.Executions.GetAsync(childArn, cancellationToken).ConfigureAwait(false);
        var stored = await _store.Executions.GetSnapshotAsync(parent.ExecutionArn, cancellationToken).ConfigureAwait(false);
        var waiting = stored is null ? null : DurableSnapshot.Deserialize(stored.Json);
        if (child is null || waiting?.Snapshot?.IsTaskPending(parent.TaskId) != true)
        {
            // The parent no longer waits (it timed out, stopped, or was answered by an earlier completion).
            await _store.Work.CompleteAsync(item.Lease, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (waiting.Header.Children?.TryGetValue(parent.TaskId, out var link) != true || !link!.Submitted)
        {
            // The child finished before its parent recorded the start (a short child, or the parent's process died in
            // between): record the TaskSubmitted its task would have, so the history reads as AWS's does.
            var submitted = await _runner.StepAsync(parent.ExecutionArn,
                new TaskSubmittedStimulus(parent.TaskId, NestedExecutionShapes.StartResponse(child, parent.RequestId)), null, 0, null, cancellationToken)
                .ConfigureAwait(false);
            _dispatcher.AfterStep(parent.ExecutionArn, submitted);
        }

        var description = NestedExecutionShapes.Describe(child, parent.Parsed);
        Stimulus answer = string.Equals(child.Status, ExecutionStatuses.Succeeded, StringComparison.Ordinal)
            ? new TaskSucceededStimulus(parent.TaskId, description)
            : new TaskFailedStimulus(parent.TaskId, StatesErrors.TaskFailed, description.ToJsonString());
        var outcome = await _runner.StepAsync(parent.ExecutionArn, answer, item.Lease, 0, _dispatcher.Claim(held: 1), cancellationToken).ConfigureAwait(false);
        return _dispatcher.AfterStep(parent.ExecutionArn, outcome, holdsSlot: true);
    }

    /// <summary>A <c>.sync</c> task's parent no longer waits: stops its child if it still runs.</summary>
    private async Task<LeasedWorkItem?> StopChildAsync(LeasedWorkItem item, CancellationToken cancellationToken)
    {
        string childArn = NestedExecutionWork.ReadStopChild(item.Item.Payload);
        var child = await _store.Executions.GetAsync(childArn, cancellationToken).ConfigureAwait(false);
        if (child is null || !string.Equals(child.Status, ExecutionStatuses.Running, StringComparison.Ordinal))
        {
            await _store.Work.CompleteAsync(item.Lease, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var outcome = await _runner.StepAsync(childArn, new StopRequestedStimulus(null, null), item.Lease, 0, _dispatcher.Claim(held: 1), cancellationToken)
            .ConfigureAwait(false);
        return _dispatcher.AfterStep(childArn, outcome, holdsSlot: true);
    }

    private async Task<ExecutionRecord> StartChildAsync(NestedStart start, ParentTask? parent, CancellationToken cancellationToken)
    {
        try
        {
            return await StartStandardAsync(start.StateMachineArn, start.Input, start.Name, null, parent, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceNotFoundException)
        {
            throw new TaskFailedException("StepFunctions.StateMachineDoesNotExistException",
                NestedStart.ServiceCause($"State Machine Does Not Exist: '{start.StateMachineArn}'", "StateMachineDoesNotExist", start.RequestId));
        }
        catch (ResourceAlreadyExistsException)
        {
            // StartExecution is idempotent for the same name and input while the execution runs, and a redelivered task
            // meets the child its first delivery started.
            string executionArn = start.ChildExecutionArn;
            var existing = await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false);
            if (existing is not null && JsonValue.DeepEquals(JsonValue.Parse(existing.Input), start.Input))
            {
                return existing;
            }

            throw new TaskFailedException("StepFunctions.ExecutionAlreadyExistsException",
                NestedStart.ServiceCause($"Execution Already Exists: '{executionArn}'", "ExecutionAlreadyExists", start.RequestId));
        }
        catch (NotSupportedException e)
        {
            throw new TaskFailedException("StepFunctions.StepFunctionsException", e.Message);
        }
    }
}
