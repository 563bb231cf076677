using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Storage;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Hosting.Durable;

/// <summary>Starts through versions and aliases, Express executions in the background, and the ARNs the engine mints.</summary>
public sealed partial class DurableEngine
{
    /// <summary>The region used in ARNs (<see cref="DurableEngineOptions.Region"/>).</summary>
    public string Region => _options.Region;

    /// <summary>The account id used in ARNs (<see cref="DurableEngineOptions.AccountId"/>).</summary>
    public string AccountId => _options.AccountId;

    /// <summary>The engine's clock now, cut to the millisecond AWS JSON 1.0 carries (so a stored date reads back equal).</summary>
    public DateTimeOffset Now => TruncateToMilliseconds(_time.GetUtcNow());

    /// <summary>The ARN a state machine named <paramref name="name"/> gets in this engine's region and account.</summary>
    public string StateMachineArnOf(string name) => $"arn:aws:states:{_options.Region}:{_options.AccountId}:stateMachine:{name}";

    /// <summary>
    /// Starts an execution of the Express state machine <paramref name="stateMachineArn"/> in memory and returns at once
    /// with its ARN and start date (AWS's <c>StartExecution</c> on an Express machine). Nothing is stored: the run ends
    /// on its own, within <see cref="ExpressDurationLimit"/>.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">The state machine does not exist.</exception>
    /// <exception cref="NotSupportedException">The state machine is a Standard one.</exception>
    public async Task<(string ExecutionArn, DateTimeOffset StartDate)> StartExpressExecutionAsync(string stateMachineArn, JsonValue input,
        string? name = null, string? mockTestCase = null, CancellationToken cancellationToken = default)
    {
        var run = await PrepareExpressAsync(stateMachineArn, input, name, mockTestCase, cancellationToken).ConfigureAwait(false);
        _ = Task.Run(() => RunInBackgroundAsync(run), CancellationToken.None);
        return (run.ExecutionArn, run.StartDate);
    }

    private async Task RunInBackgroundAsync(ExpressRun run)
    {
        try
        {
            await run.RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A background run has nobody to throw to: report it like a failed background step.
        catch (Exception e)
#pragma warning restore CA1031
        {
            OnError?.Invoke(e);
        }
    }

    private async Task<ExpressRun> PrepareExpressAsync(string stateMachineArn, JsonValue input, string? name, string? mockTestCase,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateMachineArn);
        ArgumentNullException.ThrowIfNull(input);
        var target = await ResolveStartAsync(stateMachineArn, cancellationToken).ConfigureAwait(false);
        var stateMachine = target.StateMachine;
        if (!string.Equals(stateMachine.Type, StateMachineTypes.Express, StringComparison.Ordinal))
        {
            throw new NotSupportedException("StartSyncExecution runs Express state machines only.");
        }

        var machine = _definitions.GetOrCompile(stateMachine.StateMachineArn, stateMachine.RevisionId, stateMachine.Definition);
        var random = _options.RandomSeed is int seed ? new Random(seed) : new Random();
        var start = TruncateToMilliseconds(_time.GetUtcNow());
        string executionName = name ?? RandomIds.NewUuid(random);
        string executionArn = $"arn:aws:states:{_options.Region}:{_options.AccountId}:express:{stateMachine.Name}:{executionName}:{RandomIds.NewUuid(random)}";
        var info = new ExecutionInfo(executionArn, executionName, stateMachine.StateMachineArn, stateMachine.Name, stateMachine.RoleArn,
            _options.Region, start, input, RedriveCount: null);
        var run = new RunOptions { StateMachineName = stateMachine.Name, ExecutionName = executionName, Type = StateMachineType.Express, MockTestCase = mockTestCase };
        var engineOptions = new StepwiseEngineOptions
        {
            Region = _options.Region, AccountId = _options.AccountId, Time = _time, Mocks = _options.Mocks, MaxPayloadBytes = _options.MaxPayloadBytes,
            Integrations = _options.Integrations,
        };
        // Express workflows take no task-token answers on AWS (no .waitForTaskToken), so its tokens route nowhere.
        var loop = new ExecutionLoop(machine, _tasks, info, run, engineOptions, _time, null, random, new TaskTokenRoutes());
        return new ExpressRun(loop, executionArn, stateMachine.StateMachineArn, start, _time);
    }

    /// <summary>
    /// The type (one of <see cref="StateMachineTypes"/>) of the state machine, version or alias
    /// <paramref name="stateMachineArn"/> names, resolved as a start resolves it: what decides how the API starts or lists
    /// its executions, without a store read when a start resolved it shortly before.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">No state machine, version or alias has that ARN.</exception>
    public async ValueTask<string> GetStateMachineTypeAsync(string stateMachineArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateMachineArn);
        return (await ResolveStartAsync(stateMachineArn, cancellationToken).ConfigureAwait(false)).StateMachine.Type;
    }

    /// <summary>
    /// Resolves the ARN a start names: a state machine runs its current revision; a version ARN runs that version; an
    /// alias ARN runs one of its versions, drawn by the routing weights (AWS routes each start independently). What the
    /// store said is kept in <see cref="_startTargets"/> (see <see cref="StartTargetCache"/> for how long).
    /// </summary>
    /// <exception cref="ResourceNotFoundException">No state machine, version or alias has that ARN.</exception>
    private async ValueTask<StartTarget> ResolveStartAsync(string arn, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var cached = _startTargets.Find(arn, now);
        if (cached?.Target is { } known)
        {
            return known;
        }

        long generation = _startTargets.Generation;
        var alias = cached?.Alias;
        if (alias is null)
        {
            if (await _store.StateMachines.GetAsync(arn, cancellationToken).ConfigureAwait(false) is { } current)
            {
                var target = new StartTarget(current, null, null);
                _startTargets.Add(arn, target, null, generation, now);
                return target;
            }

            alias = await _store.Aliases.GetAsync(arn, cancellationToken).ConfigureAwait(false);
            if (alias is null)
            {
                return await ResolveVersionAsync(arn, arn, generation, now, cancellationToken).ConfigureAwait(false);
            }

            _startTargets.Add(arn, null, alias, generation, now);
        }

        var version = await ResolveVersionAsync(PickRoute(alias.RoutingConfiguration, Random.Shared.Next(100)), arn, generation, now, cancellationToken)
            .ConfigureAwait(false);
        return version with { AliasArn = alias.StateMachineAliasArn };
    }

    /// <summary>The version <paramref name="versionArn"/> over its state machine's identity, as a start through <paramref name="named"/> runs it.</summary>
    /// <exception cref="ResourceNotFoundException">The version or its state machine does not exist (named as the start named it).</exception>
    private async ValueTask<StartTarget> ResolveVersionAsync(string versionArn, string named, long generation, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (_startTargets.Find(versionArn, now)?.Target is { } known)
        {
            return known;
        }

        var machines = _store.StateMachines;
        var version = await machines.GetVersionAsync(versionArn, cancellationToken).ConfigureAwait(false);
        var owner = version is null ? null : await machines.GetAsync(version.StateMachineArn, cancellationToken).ConfigureAwait(false);
        if (version is null || owner is null)
        {
            throw new ResourceNotFoundException(ResourceKinds.StateMachine, named);
        }

        var frozen = owner with { Definition = version.Definition, RoleArn = version.RoleArn, Type = version.Type, RevisionId = version.RevisionId };
        var target = new StartTarget(frozen, version.StateMachineVersionArn, null);
        _startTargets.Add(versionArn, target, null, generation, now);
        return target;
    }

    /// <summary>The route whose cumulative weight first exceeds <paramref name="draw"/> (uniform in 0–99).</summary>
    internal static string PickRoute(IReadOnlyList<AliasRoute> routes, int draw)
    {
        int cumulative = 0;
        foreach (var route in routes)
        {
            cumulative += route.Weight;
            if (draw < cumulative)
            {
                return route.StateMachineVersionArn;
            }
        }

        return routes[^1].StateMachineVersionArn;
    }
}
