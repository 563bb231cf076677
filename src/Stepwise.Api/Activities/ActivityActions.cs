using Stepwise.Api.Protocol;
using Stepwise.Api.Tags;
using Stepwise.Api.Validation;

namespace Stepwise.Api.Activities;

/// <summary>The activity actions: create, describe, delete, list, and the workers' long poll GetActivityTask.</summary>
internal static class ActivityActions
{
    private const int MaxWorkerNameLength = 80;

    public static void Register(ApiCatalog catalog)
    {
        var json = ActivityJsonContext.Default;
        catalog.Add("CreateActivity", json.CreateActivityRequest, json.CreateActivityResponse, CreateAsync);
        catalog.Add("DescribeActivity", json.ActivityArnRequest, json.ActivityDescription, DescribeAsync);
        catalog.Add("DeleteActivity", json.ActivityArnRequest, json.DeleteActivityResponse, DeleteAsync);
        catalog.Add("ListActivities", json.ListActivitiesRequest, json.ListActivitiesResponse, ListAsync);
        catalog.Add("GetActivityTask", json.GetActivityTaskRequest, json.GetActivityTaskResponse, GetTaskAsync);
    }

    private static async Task<CreateActivityResponse> CreateAsync(ApiContext context, CreateActivityRequest request, CancellationToken cancellationToken)
    {
        string name = Constraints.Required(request.Name, "name");
        ResourceNames.Validate(name);
        var tags = TagRules.Validate(request.Tags, "tags");
        var activity = await context.Engine.CreateActivityAsync(name, cancellationToken).ConfigureAwait(false);
        if (tags.Count > 0)
        {
            await context.Engine.TagResourceAsync(activity.ActivityArn, tags, cancellationToken).ConfigureAwait(false);
        }

        return new CreateActivityResponse(activity.ActivityArn, activity.CreationDate);
    }

    private static async Task<ActivityDescription> DescribeAsync(ApiContext context, ActivityArnRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.Activity(request.ActivityArn, "activityArn");
        var activity = await context.Engine.DescribeActivityAsync(arn.Arn, cancellationToken).ConfigureAwait(false);
        return new ActivityDescription(activity.ActivityArn, activity.Name, activity.CreationDate);
    }

    private static async Task<DeleteActivityResponse> DeleteAsync(ApiContext context, ActivityArnRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.Activity(request.ActivityArn, "activityArn");
        await context.Engine.DeleteActivityAsync(arn.Arn, cancellationToken).ConfigureAwait(false);
        return new DeleteActivityResponse();
    }

    private static async Task<ListActivitiesResponse> ListAsync(ApiContext context, ListActivitiesRequest request, CancellationToken cancellationToken)
    {
        var page = await context.Engine.ListActivitiesAsync(Paging.Request(request.MaxResults, request.NextToken), cancellationToken).ConfigureAwait(false);
        var items = new List<ActivityDescription>(page.Items.Count);
        foreach (var activity in page.Items)
        {
            items.Add(new ActivityDescription(activity.ActivityArn, activity.Name, activity.CreationDate));
        }

        return new ListActivitiesResponse(items, page.NextToken);
    }

    private static async Task<GetActivityTaskResponse> GetTaskAsync(ApiContext context, GetActivityTaskRequest request, CancellationToken cancellationToken)
    {
        var arn = Arns.Activity(request.ActivityArn, "activityArn");
        if (request.WorkerName is { } worker)
        {
            Constraints.Length(worker, "workerName", 1, MaxWorkerNameLength);
        }

        var task = await context.Engine.GetActivityTaskAsync(arn.Arn, request.WorkerName, cancellationToken).ConfigureAwait(false);
        return task is null ? new GetActivityTaskResponse(null, null) : new GetActivityTaskResponse(task.TaskToken, task.Input);
    }
}
