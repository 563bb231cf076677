using System.Runtime.CompilerServices;
using Stepwise.Definition.Model;
using Stepwise.Storage.Activities;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The activity ARNs a definition's Task states name, found once per compiled definition, and which of them do not
/// exist: the interpreter fails a Task state on a missing activity before scheduling it, as AWS does.
/// </summary>
internal static class ActivityResources
{
    private static readonly ConditionalWeakTable<StateMachine, string[]> s_arns = new();

    /// <summary>The ARNs of <paramref name="machine"/>'s activities that <paramref name="activities"/> does not hold; null when none is missing.</summary>
    public static async ValueTask<IReadOnlySet<string>?> MissingAsync(StateMachine machine, IActivityStore activities, CancellationToken cancellationToken)
    {
        HashSet<string>? missing = null;
        foreach (string arn in s_arns.GetValue(machine, Find))
        {
            if (await activities.GetAsync(arn, cancellationToken).ConfigureAwait(false) is null)
            {
                (missing ??= new HashSet<string>(StringComparer.Ordinal)).Add(arn);
            }
        }

        return missing;
    }

    private static string[] Find(StateMachine machine)
    {
        var arns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var graph in machine.Graphs)
        {
            foreach (var state in graph.States.Values)
            {
                if (state is TaskState { Resource: var resource } && resource.Contains(":activity:", StringComparison.Ordinal))
                {
                    arns.Add(resource);
                }
            }
        }

        return [.. arns];
    }
}
