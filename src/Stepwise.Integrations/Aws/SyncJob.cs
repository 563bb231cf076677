using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// One "Run a Job (<c>.sync</c>)" integration, as data: the action that starts the job, the one that describes it and
/// the one that stops it, how to build their requests from the start request and answer, where the job sits in a
/// description, how its status reads, and what the task returns. Requests and answers are in the service's wire names;
/// <see cref="Result"/> is in ASL's.
/// </summary>
/// <param name="Service">The service key (<c>ecs</c>).</param>
/// <param name="StartAction">The action the resource names (<c>RunTask</c> for <c>ecs:runTask.sync</c>).</param>
/// <param name="DescribeAction">The action polled until the job ends.</param>
/// <param name="StopAction">The action that stops the job when the task is cancelled (the execution stopped, a timeout).</param>
/// <param name="DescribeRequest">The describe request for a start request and its answer; null when the answer names no job.</param>
/// <param name="StopRequest">The stop request for a start request and its answer.</param>
/// <param name="Job">The job in a describe answer; null when the answer does not have it (yet).</param>
/// <param name="Status">How the job stands.</param>
/// <param name="Result">The task's result (or, for a failed job, its cause) from a describe answer and its job.</param>
internal sealed record SyncJob(
    string Service,
    string StartAction,
    string DescribeAction,
    string StopAction,
    Func<JsonObject, JsonObject, JsonObject?> DescribeRequest,
    Func<JsonObject, JsonObject, JsonObject> StopRequest,
    Func<JsonObject, JsonObject?> Job,
    Func<JsonObject, JobStatus> Status,
    Func<JsonObject, JsonObject, JsonObject> Result);
