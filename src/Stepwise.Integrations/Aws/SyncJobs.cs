using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// The "Run a Job (<c>.sync</c>)" integrations Stepwise offers, one row each (AWS's developer guide, "Run a Job" and the
/// service pages): <c>ecs:runTask.sync</c>, <c>batch:submitJob.sync</c>, <c>glue:startJobRun.sync</c>, <c>codebuild:startBuild.sync</c>,
/// <c>athena:startQueryExecution.sync</c>.
/// </summary>
internal static class SyncJobs
{
    private static readonly SyncJob[] s_jobs =
    [
        // ECS: the task is done when STOPPED; it failed when it never started, was stopped, or a container exited non-zero.
        // The result is the task as DescribeTasks describes it.
        new("ecs", "RunTask", "DescribeTasks", "StopTask",
            static (request, answer) => FirstMember(answer, "tasks", "taskArn") is { } arn && !HasItems(answer, "failures")
                ? EcsRequest(request, ("tasks", JsonArray.Create(arn)))
                : null,
            static (request, answer) => EcsRequest(request,
                ("task", FirstMember(answer, "tasks", "taskArn") ?? JsonValue.Null), ("reason", "Stopped by AWS Step Functions")),
            static answer => First(answer, "tasks"),
            static task => EcsStatus(task),
            static (_, task) => MemberNames.ToPascal(task).AsObject()),
        // Batch: SUCCEEDED or FAILED; the result is the job as DescribeJobs describes it.
        new("batch", "SubmitJob", "DescribeJobs", "TerminateJob",
            static (_, answer) => answer["jobId"] is JsonString id ? JsonObject.Create(("jobs", JsonArray.Create(id))) : null,
            static (_, answer) => JsonObject.Create(("jobId", answer["jobId"] ?? JsonValue.Null), ("reason", "Terminated by AWS Step Functions")),
            static answer => First(answer, "jobs"),
            static job => Status(job["status"], "SUCCEEDED", "FAILED"),
            static (_, job) => MemberNames.ToPascal(job).AsObject()),
        new("glue", "StartJobRun", "GetJobRun", "BatchStopJobRun",
            static (request, answer) => answer["JobRunId"] is JsonString id
                ? JsonObject.Create(("JobName", request["JobName"] ?? JsonValue.Null), ("RunId", id))
                : null,
            static (request, answer) => JsonObject.Create(("JobName", request["JobName"] ?? JsonValue.Null),
                ("JobRunIds", JsonArray.Create(answer["JobRunId"] ?? JsonValue.Null))),
            static answer => answer["JobRun"] as JsonObject,
            static run => Status(run["JobRunState"], "SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED", "ERROR"),
            static (_, run) => run),
        new("codebuild", "StartBuild", "BatchGetBuilds", "StopBuild",
            static (_, answer) => answer["build"] is JsonObject build && build["id"] is JsonString id
                ? JsonObject.Create(("ids", JsonArray.Create(id)))
                : null,
            static (_, answer) => JsonObject.Create(("id", answer["build"] is JsonObject build ? build["id"] ?? JsonValue.Null : JsonValue.Null)),
            static answer => First(answer, "builds"),
            static build => Status(build["buildStatus"], "SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "STOPPED"),
            static (_, build) => JsonObject.Create(("Build", MemberNames.ToPascal(build)))),
        new("athena", "StartQueryExecution", "GetQueryExecution", "StopQueryExecution",
            static (_, answer) => answer["QueryExecutionId"] is JsonString id ? JsonObject.Create(("QueryExecutionId", id)) : null,
            static (_, answer) => JsonObject.Create(("QueryExecutionId", answer["QueryExecutionId"] ?? JsonValue.Null)),
            static answer => answer["QueryExecution"] as JsonObject,
            static query => Status(query["Status"] is JsonObject status ? status["State"] : null, "SUCCEEDED", "FAILED", "CANCELLED"),
            static (answer, _) => answer),
    ];

    /// <summary>The <c>.sync</c> integration of <paramref name="service"/>'s <paramref name="action"/>, or null when AWS offers none.</summary>
    public static SyncJob? Find(string service, string action)
    {
        foreach (var job in s_jobs)
        {
            if (job.Service == service && job.StartAction == action)
            {
                return job;
            }
        }

        return null;
    }

    /// <summary>The resources that have a <c>.sync</c> form, for messages.</summary>
    public static string Names => "ecs:runTask, batch:submitJob, glue:startJobRun, codebuild:startBuild and athena:startQueryExecution";

    private static JobStatus EcsStatus(JsonObject task)
    {
        if (task["lastStatus"] is not JsonString { Value: "STOPPED" })
        {
            return JobStatus.Running;
        }

        // A task stopped for any reason but its essential container's exit did not run to its end.
        if (task["stopCode"] is JsonString { Value: not "EssentialContainerExited" })
        {
            return JobStatus.Failed;
        }

        if (task["containers"] is JsonArray containers)
        {
            foreach (var container in containers)
            {
                if (container is JsonObject c && c["exitCode"] is JsonNumber exit && exit.ToDouble() != 0)
                {
                    return JobStatus.Failed;
                }
            }
        }

        return JobStatus.Succeeded;
    }

    private static JobStatus Status(JsonValue? state, string succeeded, params string[] failed)
    {
        if (state is not JsonString text)
        {
            return JobStatus.Running;
        }

        return text.Value == succeeded ? JobStatus.Succeeded : Array.IndexOf(failed, text.Value) >= 0 ? JobStatus.Failed : JobStatus.Running;
    }

    private static JsonObject? First(JsonObject answer, string array) =>
        answer[array] is JsonArray { Count: > 0 } items ? items[0] as JsonObject : null;

    private static JsonValue? FirstMember(JsonObject answer, string array, string member) => First(answer, array)?[member];

    private static bool HasItems(JsonObject answer, string array) => answer[array] is JsonArray { Count: > 0 };

    /// <summary>An ECS request about the started task: its cluster (when the start named one), then <paramref name="members"/>.</summary>
    private static JsonObject EcsRequest(JsonObject request, params ReadOnlySpan<(string Name, JsonValue Value)> members)
    {
        var builder = new JsonObjectBuilder(members.Length + 1);
        if (request["cluster"] is { } cluster)
        {
            builder.Set("cluster", cluster);
        }

        foreach (var (name, value) in members)
        {
            builder.Set(name, value);
        }

        return builder.ToObject();
    }
}
