namespace Stepwise.Storage.Activities;

/// <summary>An activity as <c>DescribeActivity</c> reports it.</summary>
public sealed record ActivityRecord(string ActivityArn, string Name, DateTimeOffset CreationDate);
