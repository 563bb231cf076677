using System.Threading.Channels;
using Stepwise.Hosting;
using Stepwise.Hosting.Durable;
using Stepwise.Json;

namespace Stepwise.Cli.Commands;

/// <summary>
/// Answers the <c>.waitForTaskToken</c> tasks of <c>stepwise run</c> from a text source (stdin, or <c>--answers FILE</c>),
/// one JSON object a line: <c>{"output": …}</c> is <c>SendTaskSuccess</c>, <c>{"error": "…", "cause": "…"}</c>
/// <c>SendTaskFailure</c>, <c>{"heartbeat": true}</c> <c>SendTaskHeartbeat</c>. A line with a <c>"taskToken"</c> answers
/// that task, one without it the task that has waited longest. The source is read only while a task waits, so a
/// machine without such tasks never touches stdin, and a file of answers can be written before the run.
/// </summary>
internal sealed class TaskAnswers(StepwiseEngine engine, TextReader source, TextWriter messages)
{
    private readonly Channel<WaitingTask> _arrived = Channel.CreateUnbounded<WaitingTask>();
    private readonly List<WaitingTask> _waiting = [];
    private bool _hinted;

    /// <summary>For <see cref="RunOptions.OnTaskWaiting"/>: says which task waits and with which token.</summary>
    public void OnTaskWaiting(WaitingTask task)
    {
        lock (messages)
        {
            messages.WriteLine($"{task.StateName} waits for its task token: {task.TaskToken}");
            if (!_hinted)
            {
                _hinted = true;
                messages.WriteLine("Answer with one JSON line: {\"output\": …} succeeds, {\"error\": \"…\", \"cause\": \"…\"} fails, {\"heartbeat\": true} beats; add \"taskToken\" to pick the task.");
            }
        }

        _arrived.Writer.TryWrite(task);
    }

    /// <summary>Reads and delivers answers until the source ends or <paramref name="cancellationToken"/> (the run's end) fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                Collect();
                if (_waiting.Count == 0)
                {
                    await _arrived.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                string? line = await source.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    // No more answers: what still waits ends by its timeout, or waits until the run is interrupted.
                    return;
                }

                Collect();
                if (!string.IsNullOrWhiteSpace(line))
                {
                    await AnswerAsync(line, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run ended.
        }
    }

    private void Collect()
    {
        while (_arrived.Reader.TryRead(out var task))
        {
            _waiting.Add(task);
        }
    }

    private async Task AnswerAsync(string line, CancellationToken cancellationToken)
    {
        if (!JsonValue.TryParse(line, out var parsed, out string? parseError) || parsed is not JsonObject answer)
        {
            Report($"an answer must be one JSON object a line: {parseError ?? line}");
            return;
        }

        WaitingTask? task = _waiting[0];
        if (answer["taskToken"] is { } tokenValue)
        {
            task = tokenValue is JsonString token ? _waiting.Find(w => w.TaskToken == token.Value) ?? new WaitingTask("The task with that token", token.Value) : null;
            if (task is null)
            {
                Report("\"taskToken\" must be a string.");
                return;
            }
        }

        bool heartbeat = answer["heartbeat"] is JsonValue { Kind: JsonValueKind.True };
        Task<TaskTokenAnswer> sent;
        if (answer.TryGetValue("output", out var output))
        {
            sent = engine.SendTaskSuccessAsync(task.TaskToken, output, cancellationToken);
        }
        else if (answer.ContainsKey("error") || answer.ContainsKey("cause"))
        {
            sent = engine.SendTaskFailureAsync(task.TaskToken, (answer["error"] as JsonString)?.Value, (answer["cause"] as JsonString)?.Value, cancellationToken);
        }
        else if (heartbeat)
        {
            sent = engine.SendTaskHeartbeatAsync(task.TaskToken, cancellationToken);
        }
        else
        {
            Report($"an answer needs \"output\", \"error\"/\"cause\" or \"heartbeat\": true: {line}");
            return;
        }

        var result = await sent.ConfigureAwait(false);
        if (!heartbeat || result != TaskTokenAnswer.Accepted)
        {
            // Answered, or no longer answerable: either way this task waits no more for a line.
            _waiting.Remove(task);
        }

        if (result != TaskTokenAnswer.Accepted)
        {
            Report(result switch
            {
                TaskTokenAnswer.InvalidToken => $"InvalidToken: '{task.TaskToken}' is not a task token.",
                TaskTokenAnswer.TaskTimedOut => $"TaskTimedOut: {task.StateName} no longer waits for an answer.",
                _ => $"TaskDoesNotExist: no waiting task has the token '{task.TaskToken}'.",
            });
        }
    }

    private void Report(string message)
    {
        lock (messages)
        {
            messages.WriteLine("stepwise: " + message);
        }
    }
}
