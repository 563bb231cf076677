using Stepwise.Hosting.MapRuns;
using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// STANDARD child executions of Map Runs: each is a stored execution with its own history, named under its Map Run's
/// labelled state machine (<c>…:stateMachine:&lt;machine&gt;/&lt;label&gt;</c>, as AWS names the child workflow's state
/// machine; Map Run details, Step Functions developer guide), run by the dispatcher like any other. Its closing commit
/// enqueues the work that tells <see cref="MapRunChildEvents"/> it ended.
/// </summary>
public sealed partial class DurableEngine
{
    /// <summary>The listener told when a Map Run's STANDARD child ends; until one is set, those notifications wait in the queue.</summary>
    internal IMapRunChildEvents? MapRunChildEvents { get; set; }

    private void RegisterMapRunChildren() => _dispatcher.RegisterWork(WorkKinds.MapRunChildEnded, MapRunChildEndedAsync);

    /// <summary>
    /// Starts the child execution <paramref name="start"/> describes and commits its first step before returning: the
    /// child as that step left it (already ended when its first step ended it). A start delivered again (the
    /// coordinator resumed after a crash) finds the child the first delivery started and returns it as it is now.
    /// </summary>
    /// <exception cref="ArgumentException">The Map Run ARN is not one (<c>…:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>).</exception>
    /// <exception cref="FormatException">The ItemProcessor definition cannot be read.</exception>
    internal async Task<ExecutionRecord> StartMapRunChildAsync(MapRunChildStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        string stateMachineArn = new MapRunArns(start.MapRunArn).StateMachineArn;
        int type = stateMachineArn.IndexOf(":stateMachine:", StringComparison.Ordinal);
        string prefix = stateMachineArn[..type];
        string labelled = stateMachineArn[(type + 14)..];
        string executionArn = $"{prefix}:execution:{labelled}:{start.Name}";
        if (await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false) is { } started)
        {
            return started;
        }

        string revision = DefinitionCache.RevisionOf(start.ItemProcessorDefinition);
        var header = new ExecutionHeader(stateMachineArn, revision, _options.RandomSeed ?? Random.Shared.Next(), null,
            MapRunChild: new MapRunChildLink(start.MapRunArn, start.Index), Definition: start.ItemProcessorDefinition);

        // The child runs with its parent's role (the state machine of a run ARN naming a version is the unqualified one).
        string parentMachine = labelled[..labelled.IndexOf('/', StringComparison.Ordinal)];
        int qualifier = parentMachine.IndexOf(':', StringComparison.Ordinal);
        var parent = await _store.StateMachines.GetAsync($"{prefix}:stateMachine:{(qualifier < 0 ? parentMachine : parentMachine[..qualifier])}",
            cancellationToken).ConfigureAwait(false);
        string roleArn = parent?.RoleArn ?? $"arn:aws:iam::{_options.AccountId}:role/stepwise-execution";

        var startDate = TruncateToMilliseconds(_time.GetUtcNow());
        var info = new ExecutionInfo(executionArn, start.Name, stateMachineArn, labelled, roleArn, _options.Region, startDate, start.Input, RedriveCount: 0);
        var record = new ExecutionRecord
        {
            ExecutionArn = executionArn,
            StateMachineArn = stateMachineArn,
            Name = start.Name,
            MapRunArn = start.MapRunArn,
            Status = ExecutionStatuses.Running,
            StartDate = startDate,
            Input = start.Input.ToJsonString(),
            RedriveStatus = ExecutionRedriveStatuses.NotRedrivable,
            RedriveStatusReason = ExecutionRedriveStatuses.RunningReason,
        };
        try
        {
            var outcome = await _runner.CreateAsync(record, header, new ExecutionStartedStimulus(info), _dispatcher.Claim(held: 0), cancellationToken)
                .ConfigureAwait(false);
            _dispatcher.AfterStep(executionArn, outcome);

            // A child whose first step ended it (Pass states only, say) is returned ended, so the caller need not wait.
            return outcome.EndedRecord(record) ?? record;
        }
        catch (ResourceAlreadyExistsException)
        {
            // Two deliveries of the same start raced: the first one's child is the child.
            return (await _store.Executions.GetAsync(executionArn, cancellationToken).ConfigureAwait(false))!;
        }
    }

    /// <summary>
    /// The definition a Map Run's child execution runs (its Map's ItemProcessor as a state machine, JSON text); null
    /// for an execution that is not such a child or does not exist.
    /// </summary>
    public async ValueTask<string?> GetMapRunChildDefinitionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        var stored = await _store.Executions.GetSnapshotAsync(executionArn, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : DurableSnapshot.Deserialize(stored.Json).Header.Definition;
    }

    /// <summary>
    /// A Map Run child ended: tells the listener, then completes the item. Without a listener (the coordinator host
    /// has not registered yet) the item waits a lease period and comes back.
    /// </summary>
    private async Task<LeasedWorkItem?> MapRunChildEndedAsync(LeasedWorkItem item, CancellationToken cancellationToken)
    {
        if (MapRunChildEvents is not { } listener)
        {
            await _store.Work.AbandonAsync(item.Lease, _time.GetUtcNow() + _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var (link, childArn) = MapRunChildWork.ReadEnded(item.Item.Payload);
        if (await _store.Executions.GetAsync(childArn, cancellationToken).ConfigureAwait(false) is { } child)
        {
            await listener.OnChildEndedAsync(link.MapRunArn, link.Index, child, cancellationToken).ConfigureAwait(false);
        }

        await _store.Work.CompleteAsync(item.Lease, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
