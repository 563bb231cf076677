using Stepwise.Api.Executions;
using Stepwise.Api.Protocol;
using Stepwise.Api.StateMachines;

namespace Stepwise.Api;

/// <summary>Every action the API serves, registered area by area.</summary>
public static class ApiActions
{
    /// <summary>A catalog with every action.</summary>
    public static ApiCatalog CreateCatalog()
    {
        var catalog = new ApiCatalog();
        StateMachineActions.Register(catalog);
        ExecutionActions.Register(catalog);
        return catalog;
    }
}
