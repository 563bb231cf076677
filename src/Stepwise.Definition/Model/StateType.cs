namespace Stepwise.Definition.Model;

/// <summary>The ASL state types, named as the <c>Type</c> field spells them.</summary>
public enum StateType
{
    Pass,
    Task,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}
