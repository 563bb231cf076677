using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>Task states: Resource, Credentials, timeouts and heartbeats.</summary>
internal sealed partial class DefinitionWalker
{
    private void WalkTask(JsonObject state, QueryLanguage language, string location)
    {
        if (!state.TryGetValue("Resource", out var resource))
        {
            _context.Schema(DiagnosticMessages.Required("Resource"), location);
        }
        else if (ExpectString(resource, "Resource", Location.Field(location, "Resource")))
        {
            CheckResource(resource.AsString(), Location.Field(location, "Resource"));
            CheckRequiredArguments(state, resource.AsString(), language, location);
        }

        if (state.TryGetValue("Credentials", out var credentials))
        {
            CheckCredentials(credentials, language, Location.Field(location, "Credentials"));
        }

        long? timeout = CheckTimeout(state, "TimeoutSeconds", language, location);
        long? heartbeat = CheckTimeout(state, "HeartbeatSeconds", language, location);
        if (timeout is long t && heartbeat is long h && h >= t)
        {
            _context.Schema(DiagnosticMessages.HeartbeatNotBelowTimeout, Location.Field(location, "HeartbeatSeconds"));
        }

        WalkErrorHandling(state, language, location);
    }

    /// <summary>TimeoutSeconds or HeartbeatSeconds and their Path forms; returns the literal value when there is one.</summary>
    private long? CheckTimeout(JsonObject state, string field, QueryLanguage language, string location)
    {
        string pathField = field + "Path";
        bool hasPath = state.TryGetValue(pathField, out var path);
        if (hasPath && language == QueryLanguage.JsonPath)
        {
            CheckReferencePath(path!, pathField, Location.Field(location, pathField));
        }

        if (!state.TryGetValue(field, out var value))
        {
            return null;
        }

        if (hasPath)
        {
            _context.Schema(DiagnosticMessages.Exclusive(field, pathField), location);
        }

        return CheckInteger(value, field, Location.Field(location, field), minimum: 1, maximum: 99999999, allowExpression: language == QueryLanguage.Jsonata)
            && value is JsonNumber number && number.TryGetInt64(out long seconds)
            ? seconds
            : null;
    }

    /// <summary>Credentials need a role to assume: RoleArn (or RoleArn.$ in JSONPath states).</summary>
    private void CheckCredentials(JsonValue value, QueryLanguage language, string location)
    {
        if (!CheckObject(value, "Credentials", location))
        {
            return;
        }

        var credentials = value.AsObject();
        bool hasRole = credentials.ContainsKey("RoleArn") || (language == QueryLanguage.JsonPath && credentials.ContainsKey("RoleArn.$"));
        if (!hasRole)
        {
            // AWS reports only the missing role here, even when unknown fields sit beside it (recorded).
            _context.Schema(DiagnosticMessages.RequiredButMissing("RoleArn"), location);
        }
    }

    /// <summary>
    /// An optimized integration's mandatory request fields (FunctionName for lambda:invoke, ...), located at the
    /// Parameters or Arguments field. A JSONata Arguments expression is only known at run time, so it is not checked.
    /// </summary>
    private void CheckRequiredArguments(JsonObject state, string resource, QueryLanguage language, string location)
    {
        if (!TaskResource.TryParse(resource, out var parsed) || parsed.Kind != TaskResourceKind.ServiceIntegration)
        {
            return;
        }

        var required = ServiceIntegrations.RequiredArguments(parsed.Service, parsed.Action);
        if (required.IsEmpty)
        {
            return;
        }

        string field = language == QueryLanguage.Jsonata ? "Arguments" : "Parameters";
        string argumentsLocation = Location.Field(location, field);
        if (!state.TryGetValue(field, out var value))
        {
            value = JsonObject.Empty;
            argumentsLocation = location;
        }

        if (value is not JsonObject arguments)
        {
            return;
        }

        foreach (string name in required)
        {
            if (!arguments.ContainsKey(name) && !(language == QueryLanguage.JsonPath && arguments.ContainsKey(name + ".$")))
            {
                _context.Schema(DiagnosticMessages.RequiredButMissing(name), argumentsLocation);
            }
        }
    }

    private void CheckResource(string resource, string location)
    {
        if (!TaskResource.TryParse(resource, out var parsed))
        {
            _context.Schema(DiagnosticMessages.UnknownResource(resource), location);
            return;
        }

        if (parsed.Kind == TaskResourceKind.Activity && _context.InExpressWorkflow)
        {
            _context.Schema(DiagnosticMessages.ExpressActivity, location);
            return;
        }

        if (parsed.Kind != TaskResourceKind.ServiceIntegration)
        {
            return;
        }

        if (!ServiceIntegrations.IsKnown(parsed.Service, parsed.Action))
        {
            _context.Schema(DiagnosticMessages.UnknownResource(resource), location);
            return;
        }

        if (_context.InExpressWorkflow)
        {
            switch (parsed.Pattern)
            {
                case IntegrationPattern.Sync:
                    _context.Schema(DiagnosticMessages.ExpressSync, location);
                    break;
                case IntegrationPattern.WaitForTaskToken:
                    _context.Schema(DiagnosticMessages.ExpressWaitForTaskToken, location);
                    break;
            }
        }
    }
}
