using Stepwise.Storage.StateMachines;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// What a start names, resolved: the state machine as the execution runs it (for a version or alias, the version's
/// definition, role and revision over the machine's identity) and the version and alias it came through, if any.
/// </summary>
internal sealed record StartTarget(StateMachineRecord StateMachine, string? VersionArn, string? AliasArn);
