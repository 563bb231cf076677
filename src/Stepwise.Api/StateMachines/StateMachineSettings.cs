using System.Text.Json;
using Stepwise.Api.Protocol;
using Stepwise.Api.Validation;
using Stepwise.Definition.Validation;
using Stepwise.Storage.StateMachines;

namespace Stepwise.Api.StateMachines;

/// <summary>
/// The checks CreateStateMachine and UpdateStateMachine share (definition, logging, version description) and the
/// stored form of the logging and tracing configurations (JSON text on <see cref="StateMachineRecord"/>).
/// </summary>
internal static class StateMachineSettings
{
    public const int MaxDefinitionLength = 1024 * 1024;
    public const int MaxDescriptionLength = 256;
    private static readonly string[] s_levels = ["ALL", "ERROR", "FATAL", "OFF"];

    /// <summary>Checks a definition with the validator; an invalid one answers <c>InvalidDefinition</c> with AWS's diagnostics.</summary>
    public static void ValidateDefinition(string definition, string type)
    {
        if (definition.Length > MaxDefinitionLength)
        {
            throw Constraints.SensitiveViolation("definition", $"Member must have length less than or equal to {MaxDefinitionLength}");
        }

        var options = string.Equals(type, StateMachineTypes.Express, StringComparison.Ordinal) ? ValidationOptions.Express : ValidationOptions.Standard;
        var result = DefinitionValidator.Validate(definition, options);
        if (!result.IsValid)
        {
            throw new ApiException("InvalidDefinition", result.ToInvalidDefinitionMessage());
        }
    }

    /// <summary>AWS accepts at most one destination, and exactly one when anything is logged (recorded messages).</summary>
    public static void ValidateLogging(LoggingConfiguration? logging)
    {
        if (logging is null)
        {
            return;
        }

        if (logging.Level is { } level)
        {
            Constraints.OneOf(level, "loggingConfiguration.level", s_levels);
        }

        int destinations = logging.Destinations?.Count ?? 0;
        bool logs = logging.Level is not null && !string.Equals(logging.Level, "OFF", StringComparison.Ordinal);
        if (destinations > 1 || (logs && destinations != 1))
        {
            throw new ApiException("InvalidLoggingConfiguration", "Invalid Logging Configuration: Must specify exactly one Log Destination.");
        }
    }

    /// <summary>A version description needs <c>publish</c> (recorded), and holds at most 256 characters.</summary>
    public static void ValidateVersionDescription(string? description, bool? publish)
    {
        if (description is null)
        {
            return;
        }

        Constraints.Length(description, "versionDescription", 0, MaxDescriptionLength);
        if (publish != true)
        {
            throw new ApiException(ApiErrorTypes.Validation, "Version description can only be set when publish is true");
        }
    }

    public static string? Store(LoggingConfiguration? logging) =>
        logging is null ? null : JsonSerializer.Serialize(logging, ApiJsonContext.Default.LoggingConfiguration);

    public static string? Store(TracingConfiguration? tracing) =>
        tracing is null ? null : JsonSerializer.Serialize(tracing, ApiJsonContext.Default.TracingConfiguration);

    /// <summary>The stored logging configuration, or AWS's default (<c>OFF</c>, no execution data).</summary>
    public static LoggingConfiguration LoggingOf(string? stored) =>
        stored is null
            ? new LoggingConfiguration("OFF", false)
            : JsonSerializer.Deserialize(stored, ApiJsonContext.Default.LoggingConfiguration) ?? new LoggingConfiguration("OFF", false);

    /// <summary>The stored tracing configuration, or AWS's default (disabled).</summary>
    public static TracingConfiguration TracingOf(string? stored) =>
        stored is null
            ? new TracingConfiguration(false)
            : JsonSerializer.Deserialize(stored, ApiJsonContext.Default.TracingConfiguration) ?? new TracingConfiguration(false);
}
