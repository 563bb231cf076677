using System.Globalization;
using Stepwise.Api.Protocol;
using Stepwise.Api.Validation;
using Stepwise.Storage;
using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Api.Aliases;

/// <summary>
/// An alias's routing configuration: one or two distinct versions of one state machine whose weights sum to 100,
/// checked in AWS's order with AWS's messages (recorded), and the versions' existence.
/// </summary>
internal static class AliasRoutes
{
    private const string Member = "routingConfiguration";

    /// <summary>Checks <paramref name="routes"/> and returns them with the unqualified ARN of the state machine they belong to.</summary>
    public static async Task<(IReadOnlyList<AliasRoute> Routes, string StateMachineArn)> ValidateAsync(IStepwiseStore store,
        IReadOnlyList<RoutingConfigurationListItem>? routes, CancellationToken cancellationToken)
    {
        var items = Constraints.Required(routes, Member);
        if (items.Count is < 1 or > 2)
        {
            string bound = items.Count < 1 ? "greater than or equal to 1" : "less than or equal to 2";
            throw Constraints.Violation(Describe(items), Member, $"Member must have length {bound}");
        }

        var arns = new string[items.Count];
        var weights = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            string position = (i + 1).ToString(CultureInfo.InvariantCulture);
            arns[i] = Constraints.Required(items[i].StateMachineVersionArn, $"{Member}.{position}.member.stateMachineVersionArn");
            weights[i] = items[i].Weight ?? throw Constraints.Violation(null, $"{Member}.{position}.member.weight", "Member must not be null");
            Constraints.Range(weights[i], $"{Member}.{position}.member.weight", 0, 100);
        }

        var parsed = new StatesArn[arns.Length];
        for (int i = 0; i < arns.Length; i++)
        {
            parsed[i] = Arns.StateMachine(arns[i], $"{Member}.{(i + 1).ToString(CultureInfo.InvariantCulture)}.member.stateMachineVersionArn",
                allowQualified: true);
            if (!Arns.IsVersion(parsed[i]))
            {
                throw new ApiException(ApiErrorTypes.Validation, $"Routing configuration must contain state machine version ARNs. Received: [{string.Join(", ", arns)}]");
            }
        }

        if (arns.Length == 2 && string.Equals(arns[0], arns[1], StringComparison.Ordinal))
        {
            throw new ApiException(ApiErrorTypes.Validation,
                $"Routing configuration must contain distinct state machine version ARNs. Received: [{string.Join(", ", arns)}]");
        }

        if (arns.Length == 2 && !string.Equals(parsed[0].Unqualified, parsed[1].Unqualified, StringComparison.Ordinal))
        {
            throw new ApiException(ApiErrorTypes.Validation,
                $"Routing configuration must contain state machine version ARNs of the same state machine. Received: [{string.Join(", ", arns)}]");
        }

        int sum = 0;
        foreach (int weight in weights)
        {
            sum += weight;
        }

        if (sum != 100)
        {
            throw new ApiException(ApiErrorTypes.Validation,
                $"Sum of routing configuration weights must equal 100. Received: [{string.Join(", ", weights)}]");
        }

        var result = new AliasRoute[arns.Length];
        for (int i = 0; i < arns.Length; i++)
        {
            if (await store.StateMachines.GetVersionAsync(arns[i], cancellationToken).ConfigureAwait(false) is null)
            {
                throw new ResourceNotFoundException(ResourceKinds.StateMachineAlias, arns[i]);
            }

            result[i] = new AliasRoute(arns[i], weights[i]);
        }

        return (result, parsed[0].Unqualified);
    }

    /// <summary>The names of the aliases of <paramref name="version"/>'s state machine that route to it.</summary>
    public static async Task<IReadOnlyList<string>> AliasesRoutingToAsync(IStepwiseStore store, StatesArn version, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await store.Aliases.ListAsync(version.Unqualified, new PageRequest(Paging.MaxMaxResults, token), cancellationToken)
                .ConfigureAwait(false);
            foreach (var alias in page.Items)
            {
                foreach (var route in alias.RoutingConfiguration)
                {
                    if (string.Equals(route.StateMachineVersionArn, version.Arn, StringComparison.Ordinal))
                    {
                        names.Add(alias.Name);
                        break;
                    }
                }
            }

            token = page.NextToken;
        }
        while (token is not null);
        return names;
    }

    /// <summary>The routes as the API returns them.</summary>
    public static IReadOnlyList<RoutingConfigurationListItem> ToResponse(IReadOnlyList<AliasRoute> routes)
    {
        var items = new RoutingConfigurationListItem[routes.Count];
        for (int i = 0; i < routes.Count; i++)
        {
            items[i] = new RoutingConfigurationListItem(routes[i].StateMachineVersionArn, routes[i].Weight);
        }

        return items;
    }

    /// <summary>The list as AWS's Java model prints it in a validation message (recorded).</summary>
    private static string Describe(IReadOnlyList<RoutingConfigurationListItem> items)
    {
        var parts = new string[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            string weight = items[i].Weight?.ToString(CultureInfo.InvariantCulture) ?? "null";
            parts[i] = $"RoutingConfigurationListItem(stateMachineVersionArn={items[i].StateMachineVersionArn}, weight={weight})";
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}
