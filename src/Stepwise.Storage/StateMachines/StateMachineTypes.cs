namespace Stepwise.Storage.StateMachines;

/// <summary>A state machine's type as AWS writes it.</summary>
public static class StateMachineTypes
{
    public const string Standard = "STANDARD";
    public const string Express = "EXPRESS";
}
