using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>"Run a Job (<c>.sync</c>)": start the job, report it submitted, poll until it ends, stop it if the task is cancelled.</summary>
internal sealed partial class ServiceIntegrations
{
    /// <summary>The first pause between two describes; each later one doubles, up to <see cref="s_maxPoll"/>.</summary>
    private static readonly TimeSpan s_firstPoll = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan s_maxPoll = TimeSpan.FromSeconds(30);

    /// <summary>How long stopping a job may take once its task was cancelled (the execution no longer waits for it).</summary>
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits for the job <paramref name="startAnswer"/> started: the history records <c>TaskSubmitted</c> with
    /// <paramref name="submitted"/> (the start answer as the request-response form returns it), then the job's end.
    /// A job that ends badly fails the task with <c>States.TaskFailed</c> and the job's description as the cause, as AWS does.
    /// </summary>
    private async Task<TaskOutcome> RunJobAsync(SyncJob job, ServiceCall call, JsonObject startRequest, JsonObject startAnswer, JsonObject submitted,
        CancellationToken cancellationToken)
    {
        if (job.DescribeRequest(startRequest, startAnswer) is not { } describe)
        {
            // AWS: "Run a Job: if a non-empty Failures field is encountered, the task is failed with an AmazonECS.Unknown error."
            return TaskOutcome.Failure(call.Service.JavaV1Name + ".Unknown", submitted.ToJsonString());
        }

        try
        {
            if (call.Invocation.Submitted is { } report)
            {
                await report(submitted, cancellationToken).ConfigureAwait(false);
            }

            // The first describe goes out at once: a stand-in often reports the job ended already.
            var pause = TimeSpan.Zero;
            while (true)
            {
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
                }

                var (answer, failure) = await call.SendAsync(client, job.DescribeAction, describe, cancellationToken).ConfigureAwait(false);
                if (answer is null)
                {
                    return failure;
                }

                if (job.Job(answer.Body) is { } current)
                {
                    switch (job.Status(current))
                    {
                        case JobStatus.Succeeded:
                            return TaskOutcome.Success(job.Result(answer.Body, current));
                        case JobStatus.Failed:
                            return TaskOutcome.Failure("States.TaskFailed", job.Result(answer.Body, current).ToJsonString());
                    }
                }

                pause = pause == TimeSpan.Zero ? s_firstPoll : TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, s_maxPoll.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The execution stopped, the task timed out or its branch failed: AWS stops the job too.
            await StopAsync(job, call, startRequest, startAnswer).ConfigureAwait(false);
            throw;
        }
    }

    private async Task StopAsync(SyncJob job, ServiceCall call, JsonObject startRequest, JsonObject startAnswer)
    {
        using var timeout = new CancellationTokenSource(s_stopTimeout);
        try
        {
            // Best effort, as the execution has moved on: a refusal (the job ended meanwhile) changes nothing.
            await call.SendAsync(client, job.StopAction, job.StopRequest(startRequest, startAnswer), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // The endpoint did not answer in time; the job runs on.
        }
    }
}
