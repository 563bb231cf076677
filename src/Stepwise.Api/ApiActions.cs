using Stepwise.Api.Activities;
using Stepwise.Api.Aliases;
using Stepwise.Api.Definitions;
using Stepwise.Api.Executions;
using Stepwise.Api.MapRuns;
using Stepwise.Api.Protocol;
using Stepwise.Api.StateMachines;
using Stepwise.Api.Tags;
using Stepwise.Api.Tasks;
using Stepwise.Api.TestState;
using Stepwise.Api.Versions;

namespace Stepwise.Api;

/// <summary>Every action the API serves, registered area by area.</summary>
public static class ApiActions
{
    /// <summary>A catalog with every action.</summary>
    public static ApiCatalog CreateCatalog()
    {
        var catalog = new ApiCatalog();
        StateMachineActions.Register(catalog);
        DefinitionActions.Register(catalog);
        ExecutionActions.Register(catalog);
        MapRunActions.Register(catalog);
        VersionActions.Register(catalog);
        AliasActions.Register(catalog);
        TestStateActions.Register(catalog);
        ActivityActions.Register(catalog);
        TaskActions.Register(catalog);
        TagActions.Register(catalog);
        return catalog;
    }
}
