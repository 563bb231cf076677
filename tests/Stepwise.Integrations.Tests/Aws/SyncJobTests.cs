using Stepwise.Hosting;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Testing;

namespace Stepwise.Integrations.Tests.Aws;

/// <summary>
/// "Run a Job (.sync)" service integrations: on moto (which ends Glue job runs, CodeBuild builds and Athena queries as
/// soon as they are described, and moves an ECS task one status per describe), and on a scripted stand-in for the paths
/// moto cannot show (a failed container, a job that runs until the task is cancelled, Batch).
/// </summary>
public sealed class SyncJobTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static async Task<ExecutionResult> RunAsync(Uri endpoint, string resource, string parameters, string extra = "")
    {
        var configuration = new IntegrationsConfiguration();
        foreach (string service in new[] { "ecs", "batch", "glue", "codebuild", "athena", "dynamodb" })
        {
            configuration.SetEndpoint(service, endpoint);
        }

        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration, FastTime = true });
        var definition = JsonValue.Parse("{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"" + resource + "\", \"Parameters\": "
            + parameters + extra + ", \"End\": true}}}");
        return await engine.RunAsync(definition, JsonObject.Empty);
    }

    private static string Types(ExecutionResult result) => string.Join(' ', result.History.Select(e => e.Type));

    private async Task<string> EcsClusterAsync()
    {
        string cluster = "c" + Guid.NewGuid().ToString("N");
        await moto.CallJsonAsync("ecs", "AmazonEC2ContainerServiceV20141113.CreateCluster", $$"""{"clusterName": "{{cluster}}"}""", "1.1");
        await moto.CallJsonAsync("ecs", "AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition",
            """{"family": "report", "containerDefinitions": [{"name": "main", "image": "busybox", "memory": 128}]}""", "1.1");
        return cluster;
    }

    [Fact]
    public async Task ecs_runTask_sync_records_the_start_as_TaskSubmitted_and_returns_the_stopped_task()
    {
        string cluster = await EcsClusterAsync();

        var result = await RunAsync(moto.Endpoint, "arn:aws:states:::ecs:runTask.sync",
            $$"""{"Cluster": "{{cluster}}", "TaskDefinition": "report", "LaunchType": "FARGATE"}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Contains("TaskStarted TaskSubmitted TaskSucceeded", Types(result), StringComparison.Ordinal);
        var submitted = JsonValue.Parse(result.History.Single(e => e.Type == "TaskSubmitted").Details!["output"]!.AsString()).AsObject();
        Assert.Equal(["Failures", "SdkHttpMetadata", "SdkResponseMetadata", "Tasks"], submitted.Keys.ToArray().Order(StringComparer.Ordinal).ToArray());
        var task = result.Output!.AsObject();
        Assert.Equal("STOPPED", task["LastStatus"]!.AsString());
        Assert.Equal(submitted["Tasks"]!.AsArray()[0].AsObject()["TaskArn"], task["TaskArn"]);
    }

    [Fact]
    public async Task ecs_runTask_without_sync_returns_the_RunTask_answer_in_PascalCase()
    {
        string cluster = await EcsClusterAsync();

        var result = await RunAsync(moto.Endpoint, "arn:aws:states:::ecs:runTask", $$"""{"Cluster": "{{cluster}}", "TaskDefinition": "report", "LaunchType": "FARGATE"}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.DoesNotContain("TaskSubmitted", Types(result), StringComparison.Ordinal);
        Assert.Equal("RUNNING", result.Output!.AsObject()["Tasks"]!.AsArray()[0].AsObject()["LastStatus"]!.AsString());
    }

    [Fact]
    public async Task ecs_runTask_sync_on_a_missing_cluster_fails_with_the_ECS_error()
    {
        var result = await RunAsync(moto.Endpoint, "arn:aws:states:::ecs:runTask.sync", """{"Cluster": "missing", "TaskDefinition": "report"}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("ECS.ClusterNotFoundException", result.Error);
        Assert.Contains("(Service: AmazonECS; Status Code: 400; Error Code: ClusterNotFoundException;", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task glue_startJobRun_sync_returns_the_finished_job_run()
    {
        string job = "j" + Guid.NewGuid().ToString("N");
        await moto.CallJsonAsync("glue", "AWSGlue.CreateJob", $$$"""{"Name": "{{{job}}}", "Role": "arn:aws:iam::111111111111:role/glue", "Command": {"Name": "glueetl"}}""", "1.1");

        var result = await RunAsync(moto.Endpoint, "arn:aws:states:::glue:startJobRun.sync", $$"""{"JobName": "{{job}}"}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Contains("TaskSubmitted TaskSucceeded", Types(result), StringComparison.Ordinal);
        Assert.Equal("SUCCEEDED", result.Output!.AsObject()["JobRunState"]!.AsString());
        Assert.Equal(job, result.Output!.AsObject()["JobName"]!.AsString());
    }

    [Fact]
    public async Task codebuild_startBuild_sync_returns_the_finished_build_under_Build()
    {
        string project = "p" + Guid.NewGuid().ToString("N");
        await moto.CallJsonAsync("codebuild", "CodeBuild_20161006.CreateProject", """
            {"name": "@project", "source": {"type": "S3", "location": "sources/app.zip"}, "artifacts": {"type": "NO_ARTIFACTS"},
             "environment": {"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0", "computeType": "BUILD_GENERAL1_SMALL"},
             "serviceRole": "arn:aws:iam::111111111111:role/codebuild"}
            """.Replace("@project", project, StringComparison.Ordinal), "1.1");

        var result = await RunAsync(moto.Endpoint, "arn:aws:states:::codebuild:startBuild.sync", $$"""{"ProjectName": "{{project}}"}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var build = result.Output!.AsObject()["Build"]!.AsObject();
        Assert.Equal("SUCCEEDED", build["BuildStatus"]!.AsString());
        Assert.Equal(project, build["ProjectName"]!.AsString());
    }

    [Fact]
    public async Task athena_startQueryExecution_sync_returns_the_GetQueryExecution_answer()
    {
        var result = await RunAsync(moto.Endpoint, "arn:aws:states:::athena:startQueryExecution.sync",
            """{"QueryString": "SELECT 1", "ResultConfiguration": {"OutputLocation": "s3://results/"}}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("SUCCEEDED", result.Output!.AsObject()["QueryExecution"]!.AsObject()["Status"]!.AsObject()["State"]!.AsString());
    }

    [Fact]
    public async Task aws_sdk_ecs_calls_take_PascalCase_parameters_and_answer_in_PascalCase_as_on_AWS()
    {
        string cluster = await EcsClusterAsync();

        var result = await RunAsync(moto.Endpoint, "arn:aws:states:::aws-sdk:ecs:describeClusters", $$"""{"Clusters": ["{{cluster}}"]}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(cluster, result.Output!.AsObject()["Clusters"]!.AsArray()[0].AsObject()["ClusterName"]!.AsString());
        Assert.False(result.Output!.AsObject().ContainsKey("SdkHttpMetadata"));
    }

    [Theory]
    [InlineData("arn:aws:states:::dynamodb:putItem.sync")]
    [InlineData("arn:aws:states:::aws-sdk:ecs:runTask.sync")]
    public async Task A_resource_without_a_sync_form_fails_the_task_saying_which_have_one(string resource)
    {
        var result = await RunAsync(moto.Endpoint, resource, "{}");

        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("has no .sync (Run a Job) form: AWS offers it for ecs:runTask, batch:submitJob, glue:startJobRun", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_that_exits_non_zero_fails_the_task_with_States_TaskFailed_and_the_task_as_cause()
    {
        await using var ecs = new LoopbackServer(request => request.Headers["X-Amz-Target"] switch
        {
            "AmazonEC2ContainerServiceV20141113.RunTask" => new(200, """{"tasks": [{"taskArn": "arn:t/1", "lastStatus": "PROVISIONING"}], "failures": []}"""),
            _ => new(200, """{"tasks": [{"taskArn": "arn:t/1", "lastStatus": "STOPPED", "stopCode": "EssentialContainerExited", "containers": [{"name": "main", "exitCode": 3}]}], "failures": []}"""),
        });

        var result = await RunAsync(ecs.Uri, "arn:aws:states:::ecs:runTask.sync", """{"Cluster": "c", "TaskDefinition": "report"}""");

        Assert.Equal("States.TaskFailed", result.Error);
        var cause = JsonValue.Parse(result.Cause!).AsObject();
        Assert.Equal(3, cause["Containers"]!.AsArray()[0].AsObject()["ExitCode"]!.AsNumber().ToDouble());
        Assert.Equal("""{"cluster":"c","tasks":["arn:t/1"]}""", ecs.Requests[1].Body);
    }

    [Fact]
    public async Task RunTask_failures_fail_the_sync_task_with_AmazonECS_Unknown()
    {
        await using var ecs = new LoopbackServer(_ => new(200, """{"tasks": [], "failures": [{"reason": "RESOURCE:MEMORY"}]}"""));

        var result = await RunAsync(ecs.Uri, "arn:aws:states:::ecs:runTask.sync", """{"Cluster": "c", "TaskDefinition": "report"}""");

        Assert.Equal("AmazonECS.Unknown", result.Error);
        Assert.Contains("RESOURCE:MEMORY", result.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SUCCEEDED", null)]
    [InlineData("FAILED", "States.TaskFailed")]
    public async Task batch_submitJob_sync_speaks_Batch_s_REST_protocol_and_ends_with_the_job(string status, string? error)
    {
        int describes = 0;
        await using var batch = new LoopbackServer(request => request.PathAndQuery switch
        {
            "/v1/submitjob" => new(200, """{"jobArn": "arn:aws:batch:us-east-1:111111111111:job/j-1", "jobName": "nightly", "jobId": "j-1"}"""),
            _ => new(200, Interlocked.Increment(ref describes) == 1
                ? """{"jobs": [{"jobId": "j-1", "jobName": "nightly", "status": "RUNNING"}]}"""
                : """{"jobs": [{"jobId": "j-1", "jobName": "nightly", "status": "@status", "statusReason": "Essential container in task exited"}]}""".Replace("@status", status, StringComparison.Ordinal)),
        });

        var result = await RunAsync(batch.Uri, "arn:aws:states:::batch:submitJob.sync", """{"JobName": "nightly", "JobQueue": "q", "JobDefinition": "d"}""");

        Assert.Equal(error, result.Error);
        Assert.Equal("""{"jobName":"nightly","jobQueue":"q","jobDefinition":"d"}""", batch.Requests[0].Body);
        Assert.Equal(["/v1/submitjob", "/v1/describejobs", "/v1/describejobs"], batch.Requests.Select(r => r.PathAndQuery));
        Assert.Equal("""{"jobs":["j-1"]}""", batch.Requests[1].Body);
        var job = JsonValue.Parse(error is null ? result.Output!.ToJsonString() : result.Cause!).AsObject();
        Assert.Equal(status, job["Status"]!.AsString());
        Assert.Contains("TaskSubmitted", Types(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_poll_describes_at_once_then_backs_off_doubling_from_one_second_up_to_thirty()
    {
        int describes = 0;
        await using var ecs = new LoopbackServer(request => request.Headers["X-Amz-Target"] switch
        {
            "AmazonEC2ContainerServiceV20141113.RunTask" => new(200, """{"tasks": [{"taskArn": "arn:t/1"}], "failures": []}"""),
            _ => new(200, Interlocked.Increment(ref describes) <= 7
                ? """{"tasks": [{"taskArn": "arn:t/1", "lastStatus": "RUNNING"}]}"""
                : """{"tasks": [{"taskArn": "arn:t/1", "lastStatus": "STOPPED", "stopCode": "EssentialContainerExited"}]}"""),
        });
        var configuration = new IntegrationsConfiguration();
        configuration.SetEndpoint("ecs", ecs.Uri);
        var time = new PauseRecordingTime();
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration, FastTime = true, Time = time });

        var result = await engine.RunAsync(JsonValue.Parse("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync",
              "Parameters": {"Cluster": "c", "TaskDefinition": "d"}, "End": true}}}
            """), JsonObject.Empty);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(8, describes);
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], time.Pauses.Select(p => p.TotalSeconds));
    }

    /// <summary>The system clock, except that timers fire at once and their requested delays are recorded.</summary>
    private sealed class PauseRecordingTime : TimeProvider
    {
        public List<TimeSpan> Pauses { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Pauses)
            {
                Pauses.Add(dueTime);
            }

            return base.CreateTimer(callback, state, TimeSpan.Zero, period);
        }
    }

    [Fact]
    public async Task A_job_still_running_when_the_task_times_out_is_stopped()
    {
        var stopped = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var ecs = new LoopbackServer(request =>
        {
            switch (request.Headers["X-Amz-Target"])
            {
                case "AmazonEC2ContainerServiceV20141113.StopTask":
                    stopped.TrySetResult(request.Body);
                    return new(200, """{"task": {"taskArn": "arn:t/1", "lastStatus": "STOPPED"}}""");
                default:
                    return new(200, """{"tasks": [{"taskArn": "arn:t/1", "lastStatus": "RUNNING"}], "failures": []}""");
            }
        });

        var result = await RunAsync(ecs.Uri, "arn:aws:states:::ecs:runTask.sync", """{"Cluster": "c", "TaskDefinition": "report"}""", ", \"TimeoutSeconds\": 60");

        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal("""{"cluster":"c","task":"arn:t/1","reason":"Stopped by AWS Step Functions"}""", await stopped.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }
}
