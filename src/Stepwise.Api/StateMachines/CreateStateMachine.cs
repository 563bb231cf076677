namespace Stepwise.Api.StateMachines;

/// <summary>The <c>CreateStateMachine</c> request.</summary>
public sealed record CreateStateMachineRequest(
    string? Name = null,
    string? Definition = null,
    string? RoleArn = null,
    string? Type = null,
    LoggingConfiguration? LoggingConfiguration = null,
    TracingConfiguration? TracingConfiguration = null,
    EncryptionConfiguration? EncryptionConfiguration = null,
    bool? Publish = null,
    string? VersionDescription = null,
    IReadOnlyList<Stepwise.Api.Tags.Tag>? Tags = null);

/// <summary>The <c>CreateStateMachine</c> response.</summary>
public sealed record CreateStateMachineResponse(string StateMachineArn, DateTimeOffset CreationDate, string? StateMachineVersionArn);
