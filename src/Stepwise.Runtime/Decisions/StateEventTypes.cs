using Stepwise.Definition.Model;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// The event types named after a state's type (<c>PassStateEntered</c>, <c>MapStateAborted</c>, ...), spelled once per
/// state type instead of concatenated on every transition.
/// </summary>
internal static class StateEventTypes
{
    private static readonly string[] s_entered = Spell("StateEntered");
    private static readonly string[] s_exited = Spell("StateExited");
    private static readonly string[] s_aborted = Spell("StateAborted");

    public static string Entered(StateType type) => s_entered[(int)type];

    public static string Exited(StateType type) => s_exited[(int)type];

    public static string Aborted(StateType type) => s_aborted[(int)type];

    private static string[] Spell(string suffix)
    {
        var types = Enum.GetValues<StateType>();
        var names = new string[types.Length];
        foreach (var type in types)
        {
            names[(int)type] = type + suffix;
        }

        return names;
    }
}
