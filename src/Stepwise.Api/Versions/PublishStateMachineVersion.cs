namespace Stepwise.Api.Versions;

/// <summary>The <c>PublishStateMachineVersion</c> request; <c>revisionId</c>, when given, must be the current revision.</summary>
public sealed record PublishStateMachineVersionRequest(string? StateMachineArn = null, string? RevisionId = null, string? Description = null);

/// <summary>The <c>PublishStateMachineVersion</c> response.</summary>
public sealed record PublishStateMachineVersionResponse(DateTimeOffset CreationDate, string StateMachineVersionArn);
