namespace Stepwise.Hosting;

/// <summary>The workflow type.</summary>
public enum StateMachineType
{
    Standard,
    Express,
}
