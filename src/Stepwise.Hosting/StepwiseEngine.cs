using System.Runtime.CompilerServices;
using Stepwise.Definition.Model;
using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Time;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Runtime;

namespace Stepwise.Hosting;

/// <summary>
/// The in-process Stepwise engine: runs ASL state machines in memory with AWS Step Functions semantics, serving
/// Task states from registered .NET handlers or a mock configuration.
/// </summary>
public sealed class StepwiseEngine : IAsyncDisposable
{
    private readonly StepwiseEngineOptions _options;
    private readonly TaskDispatcher _dispatcher;
    private readonly CancellationTokenSource _disposed = new();
    private readonly TaskTokenRoutes _tokens = new();

    // Parse once, run many: a definition object run again reuses its compiled model (paths and templates included).
    private readonly ConditionalWeakTable<JsonValue, StateMachine> _compiled = new();

    /// <summary>Creates an engine; <paramref name="options"/> default as documented on <see cref="StepwiseEngineOptions"/>.</summary>
    public StepwiseEngine(StepwiseEngineOptions? options = null)
    {
        _options = options ?? new StepwiseEngineOptions();
        _dispatcher = new TaskDispatcher(_options.Mocks, _options.Integrations, _options.Time);
    }

    /// <summary>Serves Task states whose <c>Resource</c> is exactly <paramref name="resourceArn"/>.</summary>
    public void RegisterTask(string resourceArn, TaskHandler handler) => _dispatcher.RegisterTask(resourceArn, handler);

    /// <summary>
    /// Serves the Lambda function <paramref name="functionName"/> (name, full or partial ARN; an alias or version
    /// suffix is ignored) for bare function ARNs and for <c>arn:aws:states:::lambda:invoke</c>.
    /// </summary>
    public void RegisterLambda(string functionName, TaskHandler handler) => _dispatcher.RegisterLambda(functionName, handler);

    /// <summary>
    /// Runs <paramref name="definition"/> with <paramref name="input"/> to completion and returns its status, output
    /// and history. Throws <see cref="FormatException"/> for an unreadable definition (validate it first).
    /// </summary>
    public Task<ExecutionResult> RunAsync(JsonValue definition, JsonValue input, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var machine = _compiled.GetValue(definition, static json => StateMachine.FromJson(json));
        var run = options ?? new RunOptions();
        var time = _options.Time ?? TimeProvider.System;
        var random = _options.RandomSeed is int seed ? new Random(seed) : new Random();
        var start = time.GetUtcNow();
        var clock = _options.FastTime ? new VirtualClock(start) : null;
        string executionName = run.ExecutionName ?? RandomIds.NewUuid(random);
        string prefix = $"arn:aws:states:{_options.Region}:{_options.AccountId}";
        string stateMachineArn = $"{prefix}:stateMachine:{run.StateMachineName}";
        string executionArn = run.Type == StateMachineType.Express
            ? $"{prefix}:express:{run.StateMachineName}:{executionName}:{RandomIds.NewUuid(random)}"
            : $"{prefix}:execution:{run.StateMachineName}:{executionName}";
        var info = new ExecutionInfo(executionArn, executionName, stateMachineArn, run.StateMachineName,
            _options.ExecutionRoleArn ?? $"arn:aws:iam::{_options.AccountId}:role/stepwise-execution", _options.Region, start, input,
            RedriveCount: run.Type == StateMachineType.Express ? null : 0);
        var loop = new ExecutionLoop(machine, _dispatcher, info, run, _options, time, clock, random, _tokens);
        return RunLinkedAsync(loop, cancellationToken);
    }

    /// <summary>
    /// Answers <c>SendTaskSuccess</c>: the <c>.waitForTaskToken</c> task of a running execution that waits with
    /// <paramref name="taskToken"/> succeeds with <paramref name="output"/>. The answer says, as the durable engine's
    /// does, whether the task took it or why not (a malformed token, one no running task has, a task that timed out).
    /// </summary>
    public Task<TaskTokenAnswer> SendTaskSuccessAsync(string taskToken, JsonValue output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Task.FromResult(_tokens.Send(taskToken, TaskAnswer.Success(output)));
    }

    /// <summary>Answers <c>SendTaskFailure</c>: the task fails with <paramref name="error"/> and <paramref name="cause"/> (Retry and Catch see them).</summary>
    public Task<TaskTokenAnswer> SendTaskFailureAsync(string taskToken, string? error, string? cause, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tokens.Send(taskToken, TaskAnswer.Failure(error, cause)));

    /// <summary>Answers <c>SendTaskHeartbeat</c>: a task with <c>HeartbeatSeconds</c> restarts its heartbeat clock.</summary>
    public Task<TaskTokenAnswer> SendTaskHeartbeatAsync(string taskToken, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tokens.Send(taskToken, TaskAnswer.Beat));

    private async Task<ExecutionResult> RunLinkedAsync(ExecutionLoop loop, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        return await loop.RunAsync(linked.Token).ConfigureAwait(false);
    }

    /// <summary>Cancels running executions; further runs throw <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_disposed.IsCancellationRequested)
        {
            await _disposed.CancelAsync().ConfigureAwait(false);
        }

        _disposed.Dispose();
    }
}
