namespace Stepwise.Api.Activities;

/// <summary>The <c>CreateActivity</c> request.</summary>
public sealed record CreateActivityRequest(string? Name = null, IReadOnlyList<Stepwise.Api.Tags.Tag>? Tags = null);

/// <summary>The <c>CreateActivity</c> response.</summary>
public sealed record CreateActivityResponse(string ActivityArn, DateTimeOffset CreationDate);

/// <summary>The <c>DescribeActivity</c> and <c>DeleteActivity</c> requests.</summary>
public sealed record ActivityArnRequest(string? ActivityArn = null);

/// <summary>The <c>DescribeActivity</c> response, also one activity of a <c>ListActivities</c> response.</summary>
public sealed record ActivityDescription(string ActivityArn, string Name, DateTimeOffset CreationDate);

/// <summary>The <c>DeleteActivity</c> response (no members).</summary>
public sealed record DeleteActivityResponse;

/// <summary>The <c>ListActivities</c> request.</summary>
public sealed record ListActivitiesRequest(int? MaxResults = null, string? NextToken = null);

/// <summary>The <c>ListActivities</c> response.</summary>
public sealed record ListActivitiesResponse(IReadOnlyList<ActivityDescription> Activities, string? NextToken);

/// <summary>The <c>GetActivityTask</c> request.</summary>
public sealed record GetActivityTaskRequest(string? ActivityArn = null, string? WorkerName = null);

/// <summary>The <c>GetActivityTask</c> response; both members absent when no task came within the long poll.</summary>
public sealed record GetActivityTaskResponse(string? TaskToken, string? Input);
