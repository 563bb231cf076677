namespace Stepwise.Storage.StateMachines;

/// <summary>One entry of an alias's routing configuration: a version and the percentage of executions it gets.</summary>
public readonly record struct AliasRoute(string StateMachineVersionArn, int Weight);
