using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Stepwise.Definition.Model;
using Stepwise.Integrations.Items;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime;
using Stepwise.Runtime.MapRuns;
using Stepwise.Storage.MapRuns;

namespace Stepwise.Hosting.MapRuns;

/// <summary>
/// Runs one Map Run (<see cref="StartMapRunCommand"/>) for any host: streams the items (the command's array or its
/// ItemReader), shapes each child's input (ItemSelector, then ItemBatcher), keeps at most MaxConcurrency children
/// running, judges failures against the tolerated thresholds (counted in items: a failed batch counts all its items),
/// and ends with the stimulus that answers the parent: the results in item order, or the ResultWriter's description.
/// It holds the running children and, without a ResultWriter, the results (bounded by the payload limit), never the
/// items: memory does not grow with the item count.
/// </summary>
internal sealed partial class MapRunCoordinator
{
    /// <summary>AWS's cause when the failures pass the tolerated threshold.</summary>
    internal const string ThresholdCause = "The specified tolerated failure threshold was exceeded";

    private readonly StartMapRunCommand _command;
    private readonly StateMachine _parent;
    private readonly StateMachine _child;
    private readonly IMapRunChildren _children;
    private readonly IItemSource _source;
    private readonly IResultSink _sink;
    private readonly TimeProvider _time;
    private readonly int _maxPayloadBytes;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private readonly Channel<Finished> _finished = Channel.CreateUnbounded<Finished>(new UnboundedChannelOptions { SingleReader = true });
    private readonly MapRunArns _arns;

    private long _maxConcurrency;
    private long _toleratedFailureCount;
    private double _toleratedFailurePercentage;

    // Counts (under _lock: DescribeMapRun reads them from other threads).
    private long _itemsTotal;
    private long _itemsRunning;
    private long _itemsSucceeded;
    private long _itemsFailed;
    private long _itemsTimedOut;
    private long _itemsAborted;
    private long _childrenTotal;
    private long _childrenRunning;
    private long _childrenSucceeded;
    private long _childrenFailed;
    private long _childrenTimedOut;
    private long _childrenAborted;
    private long _resultsWritten;
    private bool _allRead;
    private string _status = MapRunStatuses.Running;
    private DateTimeOffset? _stopDate;
    private DateTimeOffset? _redriveDate;

    public MapRunCoordinator(StartMapRunCommand command, StateMachine parent, IMapRunChildren children, IItemSource source, IResultSink sink,
        TimeProvider time, int maxPayloadBytes, int seed)
    {
        _command = command;
        _parent = parent;
        _child = StateMachine.FromJson(command.ChildDefinition);
        _children = children;
        _source = source;
        _sink = sink;
        _time = time;
        _maxPayloadBytes = maxPayloadBytes;
        _random = new Random(seed);
        _arns = new MapRunArns(command.MapRunArn);
        _maxConcurrency = command.MaxConcurrency;
        _toleratedFailureCount = command.ToleratedFailureCount;
        _toleratedFailurePercentage = command.ToleratedFailurePercentage;
        // Items from the input are all known at once: the counts show them pending, and a percentage is judged from the first failure.
        if (command.Items is { } items)
        {
            _itemsTotal = items.Count;
            _allRead = true;
        }

        StartDate = time.GetUtcNow();
        if (command.RedriveCount > 0)
        {
            _redriveDate = StartDate;
        }
    }

    /// <summary>The run's ARN.</summary>
    public string MapRunArn => _command.MapRunArn;

    /// <summary>When the run started (its first attempt, for a redriven run).</summary>
    public DateTimeOffset StartDate { get; private set; }

    /// <summary>
    /// The run continues <paramref name="stored"/>, its record before this attempt (a redrive, or a resume after a
    /// crash): it keeps the run's start date, and a redrive resumed after a crash keeps the date it was redriven.
    /// </summary>
    public void Continue(MapRunRecord stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (_lock)
        {
            StartDate = stored.StartDate;
            if (_command.RedriveCount > 0 && stored.RedriveCount == _command.RedriveCount)
            {
                _redriveDate = stored.RedriveDate ?? _redriveDate;
            }
        }
    }

    /// <summary>
    /// UpdateMapRun: new limits for the rest of the run (null keeps one). A higher MaxConcurrency starts queued children
    /// at once; the thresholds judge the next failure.
    /// </summary>
    public void Update(long? maxConcurrency, long? toleratedFailureCount, double? toleratedFailurePercentage)
    {
        lock (_lock)
        {
            if (maxConcurrency is long concurrency)
            {
                _maxConcurrency = concurrency == 0 || concurrency > StartMapRunCommand.MaxChildConcurrency ? StartMapRunCommand.MaxChildConcurrency : concurrency;
            }

            _toleratedFailureCount = toleratedFailureCount ?? _toleratedFailureCount;
            _toleratedFailurePercentage = toleratedFailurePercentage ?? _toleratedFailurePercentage;
        }

        // Wakes the loop, which starts what the new limit allows.
        _finished.Writer.TryWrite(Finished.Wake);
    }

    /// <summary>The run as DescribeMapRun shows it now, and as the store keeps it (<see cref="IMapRunStore"/>), owned by <paramref name="executionArn"/>.</summary>
    public MapRunRecord Describe(string executionArn, string stateMachineArn)
    {
        lock (_lock)
        {
            long itemsPending = _itemsTotal - _itemsRunning - _itemsSucceeded - _itemsFailed - _itemsTimedOut - _itemsAborted;
            long childrenPending = _childrenTotal - _childrenRunning - _childrenSucceeded - _childrenFailed - _childrenTimedOut - _childrenAborted;
            return new MapRunRecord
            {
                MapRunArn = MapRunArn,
                ExecutionArn = executionArn,
                StateMachineArn = stateMachineArn,
                Status = _status,
                StartDate = StartDate,
                StopDate = _stopDate,
                MaxConcurrency = _maxConcurrency,
                ToleratedFailureCount = _toleratedFailureCount,
                ToleratedFailurePercentage = _toleratedFailurePercentage,
                ItemCounts = new MapRunCounts(itemsPending, _itemsRunning, _itemsSucceeded, _itemsFailed, _itemsTimedOut, _itemsAborted,
                    _itemsTotal, _resultsWritten),
                ExecutionCounts = new MapRunCounts(childrenPending, _childrenRunning, _childrenSucceeded, _childrenFailed, _childrenTimedOut,
                    _childrenAborted, _childrenTotal, _resultsWritten),
                RedriveCount = _command.RedriveCount,
                RedriveDate = _redriveDate,
            };
        }
    }

    /// <summary>
    /// Runs the run to its end and returns the parent's answer: <see cref="MapRunSucceededStimulus"/> or
    /// <see cref="MapRunFailedStimulus"/>. Cancelling <paramref name="cancellationToken"/> (the parent stopped) aborts
    /// the running children and throws <see cref="OperationCanceledException"/>. The items are read, selected and
    /// batched on another thread, a few children's inputs ahead, while this one runs children and writes results.
    /// </summary>
    public async Task<Stimulus> RunAsync(CancellationToken cancellationToken)
    {
        using var childrenStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var readerStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inputs = Channel.CreateBounded<ChildInput>(new BoundedChannelOptions(InputsAhead) { SingleReader = true, SingleWriter = true });
        var producing = Task.Run(() => ProduceAsync(inputs.Writer, readerStop.Token), CancellationToken.None);
        var run = new RunState(childrenStop);
        try
        {
            if (_command.Writer is { Resource.Length: > 0 } writer)
            {
                try
                {
                    run.Session = await _sink.OpenAsync(new ResultWriterRequest(writer.Resource, writer.Arguments, writer.WriterConfig, MapRunArn),
                        cancellationToken).ConfigureAwait(false);
                }
                catch (ResultWriterFailedException e)
                {
                    return End(MapRunStatuses.Failed, new MapRunFailedStimulus(MapRunArn, StatesErrors.ResultWriterFailed, e.Message));
                }
            }

            bool exhausted = false;
            long nextChild = 0;
            while (true)
            {
                // Children that ended are handled before more start, so a run whose children answer at once holds no more
                // results than it runs children.
                while (_finished.Reader.TryRead(out var ended))
                {
                    await OnFinishedAsync(run, ended, cancellationToken).ConfigureAwait(false);
                }

                if (run.Error is null && !exhausted && run.Running.Count < Volatile.Read(ref _maxConcurrency))
                {
                    ChildInput input = default;
                    bool more;
                    try
                    {
                        more = await inputs.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && inputs.Reader.TryRead(out input);
                    }
                    catch (ItemReaderFailedException e)
                    {
                        run.Fail(StatesErrors.ItemReaderFailed, e.Message);
                        continue;
                    }

                    if (!more)
                    {
                        exhausted = true;
                        lock (_lock)
                        {
                            _allRead = true;
                        }

                        // A percentage is judged once the total is known.
                        if (IsThresholdExceeded())
                        {
                            run.Fail(StatesErrors.ExceedToleratedFailureThreshold, ThresholdCause);
                        }
                    }
                    else if (input.Error is not null)
                    {
                        run.Fail(input.Error, input.Cause);
                    }
                    else
                    {
                        var kept = await KeptResultAsync(nextChild, cancellationToken).ConfigureAwait(false);
                        StartChild(run, nextChild++, input, kept);
                    }

                    continue;
                }

                if (run.Running.Count == 0 && (exhausted || run.Error is not null))
                {
                    break;
                }

                await OnFinishedAsync(run, await _finished.Reader.ReadAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }

            // A cancelled run ends aborted even when its last ends were read without waiting: those were cut short by
            // the cancellation (a shutdown, say), and judging them would answer the parent with a failure it never had.
            cancellationToken.ThrowIfCancellationRequested();
            if (run.Error is not null)
            {
                KeepSucceeded(run);
                return End(MapRunStatuses.Failed, new MapRunFailedStimulus(MapRunArn, run.Error, run.Cause));
            }

            if (run.Session is { } session)
            {
                try
                {
                    var description = await session.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    return End(MapRunStatuses.Succeeded, new MapRunSucceededStimulus(MapRunArn, description));
                }
                catch (ResultWriterFailedException e)
                {
                    return End(MapRunStatuses.Failed, new MapRunFailedStimulus(MapRunArn, StatesErrors.ResultWriterFailed, e.Message));
                }
            }

            var output = new JsonValue[run.Results.Count];
            for (int i = 0; i < output.Length; i++)
            {
                output[i] = run.Results[i] ?? JsonValue.Null;
            }

            return End(MapRunStatuses.Succeeded, new MapRunSucceededStimulus(MapRunArn, JsonArray.TakeOwnership(output)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            KeepSucceeded(run);
            await childrenStop.CancelAsync().ConfigureAwait(false);
            lock (_lock)
            {
                _itemsAborted += _itemsRunning;
                _childrenAborted += _childrenRunning;
                _itemsRunning = 0;
                _childrenRunning = 0;
                _status = MapRunStatuses.Aborted;
                _stopDate = _time.GetUtcNow();
            }

            throw;
        }
        finally
        {
            await readerStop.CancelAsync().ConfigureAwait(false);
            await producing.ConfigureAwait(false);
            if (_kept is not null)
            {
                await _kept.DisposeAsync().ConfigureAwait(false);
            }

            if (run.Session is not null)
            {
                await run.Session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>How many children's inputs are read ahead of the children that run them.</summary>
    private const int InputsAhead = 4;

    /// <summary>Starts child <paramref name="index"/>, or, with <paramref name="kept"/>, ends it at once with the output it kept.</summary>
    private void StartChild(RunState run, long index, ChildInput input, MapRunChildResult? kept)
    {
        var child = new MapRunChild(MapRunArn, index, _arns.Child(_command, index, input.Value!, _time.GetUtcNow()), _child,
            IsExpress: string.Equals(_command.ChildType, "EXPRESS", StringComparison.Ordinal), _command);
        run.Running.Add(index, new Running(child, input.ItemCount));
        lock (_lock)
        {
            _childrenTotal++;
            _childrenRunning++;
            _itemsRunning += input.ItemCount;
        }

        if (run.Session is null)
        {
            run.Results.Add(null);
        }

        if (kept is not null)
        {
            var now = _time.GetUtcNow();
            _finished.Writer.TryWrite(new Finished(index, new MapRunChildOutcome("SUCCEEDED", JsonValue.Parse(kept.Output!), null, null, now, now)));
            return;
        }

        // On the pool: a child's start may run its first step and commit on this thread (the store's writer commits on
        // the thread of a write that finds it idle), and the loop must go on starting the other children meanwhile, so
        // that they run side by side and their starts share commits.
        var stop = run.ChildrenStop.Token;
        _ = Task.Run(() => RunChildAsync(child, stop), CancellationToken.None);
    }

    /// <summary>A child ended: count it, hand its result to the writer or keep it for the output, and judge the threshold.</summary>
    private async ValueTask OnFinishedAsync(RunState run, Finished finished, CancellationToken cancellationToken)
    {
        if (finished.Outcome is not { } outcome || !run.Running.Remove(finished.Index, out var done))
        {
            return;
        }

        bool failed = Count(outcome.Status, done.ItemCount);
        // Only a run that holds its results (no ResultWriter) can hand them over, so only it notes which succeeded.
        if (!failed && done.Child.IsExpress && run.Session is null)
        {
            run.SucceededExpress.Add(finished.Index);
        }

        if (run.Session is { } session)
        {
            try
            {
                await session.WriteAsync(ToResult(done.Child, outcome), cancellationToken).ConfigureAwait(false);
            }
            catch (ResultWriterFailedException e) when (run.Error is null)
            {
                run.Fail(StatesErrors.ResultWriterFailed, e.Message);
            }
        }
        else if (run.Error is null)
        {
            var value = failed ? ErrorOutput(outcome) : outcome.Output ?? JsonValue.Null;
            run.ResultBytes += value.GetUtf8Size() + 1;
            if (run.ResultBytes > _maxPayloadBytes)
            {
                // The output array would pass the payload limit: fail now rather than hold millions of results.
                run.Fail(StatesErrors.DataLimitExceeded,
                    $"The state/task '{_command.StateName}' returned a result with a size exceeding the maximum number of bytes service limit.");
            }
            else
            {
                run.Results[checked((int)finished.Index)] = value;
            }
        }

        if (failed && run.Error is null && IsThresholdExceeded())
        {
            run.Fail(StatesErrors.ExceedToleratedFailureThreshold, ThresholdCause);
        }
    }

    /// <summary>Reads the children's inputs into <paramref name="writer"/>; a reader's failure completes it with the exception.</summary>
    private async Task ProduceAsync(ChannelWriter<ChildInput> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var input in ChildInputsAsync(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(input, cancellationToken).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            writer.TryComplete();
        }
#pragma warning disable CA1031 // Handed to the loop, which fails the run with it (ItemReaderFailedException) or rethrows it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            writer.TryComplete(e);
        }
    }

    private Stimulus End(string status, Stimulus answer)
    {
        lock (_lock)
        {
            _status = status;
            _stopDate = _time.GetUtcNow();
        }

        return answer;
    }

    /// <summary>Counts a finished child; true when it did not succeed.</summary>
    private bool Count(string status, int items)
    {
        lock (_lock)
        {
            _childrenRunning--;
            _itemsRunning -= items;
            _resultsWritten++;
            switch (status)
            {
                case "SUCCEEDED":
                    _childrenSucceeded++;
                    _itemsSucceeded += items;
                    return false;
                case "TIMED_OUT":
                    _childrenTimedOut++;
                    _itemsTimedOut += items;
                    return true;
                case "ABORTED":
                    _childrenAborted++;
                    _itemsAborted += items;
                    return true;
                default:
                    _childrenFailed++;
                    _itemsFailed += items;
                    return true;
            }
        }
    }

    /// <summary>
    /// Whether the failed items pass ToleratedFailureCount and ToleratedFailurePercentage (staying within either
    /// suffices; with neither set, any failure passes). A percentage is judged only once every item was read.
    /// </summary>
    private bool IsThresholdExceeded()
    {
        lock (_lock)
        {
            long failures = _itemsFailed + _itemsTimedOut + _itemsAborted;
            if (failures == 0)
            {
                return false;
            }

            if (_toleratedFailureCount < 0 && _toleratedFailurePercentage < 0)
            {
                return true;
            }

            if (_toleratedFailureCount >= 0 && failures <= _toleratedFailureCount)
            {
                return false;
            }

            if (_toleratedFailurePercentage >= 0)
            {
                return _allRead && failures * 100.0 / _itemsTotal > _toleratedFailurePercentage;
            }

            return true;
        }
    }

    private async Task RunChildAsync(MapRunChild child, CancellationToken cancellationToken)
    {
        MapRunChildOutcome outcome;
        try
        {
            outcome = await _children.RunAsync(child, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A child the host could not run fails as a child; the run judges it like any failure.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var now = _time.GetUtcNow();
            outcome = cancellationToken.IsCancellationRequested
                ? new MapRunChildOutcome("ABORTED", null, null, null, now, now)
                : new MapRunChildOutcome("FAILED", null, e.GetType().Name, e.Message, now, now);
        }

        _finished.Writer.TryWrite(new Finished(child.Index, outcome));
    }

    /// <summary>The children's inputs in order: each item through ItemSelector, then, with an ItemBatcher, grouped into batches.</summary>
    private async IAsyncEnumerable<ChildInput> ChildInputsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var selector = new MapItemSelector(_parent, _command.ItemScope, _random);
        var batcher = _command.Batcher is { } limits ? new MapItemBatcher(limits, _maxPayloadBytes) : null;
        long index = 0;
        await foreach (var item in ItemsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_command.Reader is not null)
            {
                lock (_lock)
                {
                    _itemsTotal++;
                }
            }

            if (!selector.TrySelect(index++, item, out var input, out string error, out string cause))
            {
                yield return ChildInput.Failed(error, cause);
                yield break;
            }

            if (batcher is null)
            {
                yield return new ChildInput(input, 1);
            }
            else if (batcher.Add(input, out var full, out int count))
            {
                yield return new ChildInput(full, count);
            }
        }

        if (batcher is not null)
        {
            int pending = batcher.Pending;
            if (batcher.Flush() is { } last)
            {
                yield return new ChildInput(last, pending);
            }
        }
    }

    private async IAsyncEnumerable<JsonValue> ItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_command.Reader is not { } reader)
        {
            var items = _command.Items!;
            for (int i = 0; i < items.Count; i++)
            {
                yield return items[i];
            }

            yield break;
        }

        var request = new ItemReaderRequest(reader.Resource, reader.Arguments, reader.ReaderConfig);
        await foreach (var item in _source.ReadAsync(request, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private ChildExecutionResult ToResult(MapRunChild child, MapRunChildOutcome outcome) =>
        new(child.Info.ExecutionArn, child.Info.ExecutionName, outcome.Status, child.Input, outcome.Output, outcome.Error, outcome.Cause,
            outcome.StartDate, outcome.StopDate)
        {
            StateMachineArn = _arns.StateMachineArn,
        };

    /// <summary>A tolerated failure's place in the output: AWS's error output, <c>{"Error","Cause"}</c>.</summary>
    private static JsonObject ErrorOutput(MapRunChildOutcome outcome)
    {
        var builder = new JsonObjectBuilder(2);
        if (outcome.Error is not null)
        {
            builder.Set("Error", outcome.Error);
        }

        if (outcome.Cause is not null)
        {
            builder.Set("Cause", outcome.Cause);
        }

        return builder.ToObject();
    }
}
