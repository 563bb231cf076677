namespace Stepwise.Api.StateMachines;

/// <summary>The <c>UpdateStateMachine</c> request.</summary>
public sealed record UpdateStateMachineRequest(
    string? StateMachineArn = null,
    string? Definition = null,
    string? RoleArn = null,
    LoggingConfiguration? LoggingConfiguration = null,
    TracingConfiguration? TracingConfiguration = null,
    EncryptionConfiguration? EncryptionConfiguration = null,
    bool? Publish = null,
    string? VersionDescription = null);

/// <summary>The <c>UpdateStateMachine</c> response.</summary>
public sealed record UpdateStateMachineResponse(DateTimeOffset UpdateDate, string RevisionId, string? StateMachineVersionArn);
