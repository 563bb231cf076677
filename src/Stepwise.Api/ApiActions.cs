using Stepwise.Api.Activities;
using Stepwise.Api.Protocol;
using Stepwise.Api.StateMachines;
using Stepwise.Api.Tags;
using Stepwise.Api.Tasks;

namespace Stepwise.Api;

/// <summary>Every action the API serves, registered area by area.</summary>
public static class ApiActions
{
    /// <summary>A catalog with every action.</summary>
    public static ApiCatalog CreateCatalog()
    {
        var catalog = new ApiCatalog();
        StateMachineActions.Register(catalog);
        ActivityActions.Register(catalog);
        TaskActions.Register(catalog);
        TagActions.Register(catalog);
        return catalog;
    }
}
