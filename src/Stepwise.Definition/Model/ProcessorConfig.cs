using Stepwise.Json;

namespace Stepwise.Definition.Model;

/// <summary>A Map's <c>ItemProcessor.ProcessorConfig</c>.</summary>
public sealed class ProcessorConfig
{
    internal ProcessorConfig(string mode, string? executionType)
    {
        Mode = mode;
        ExecutionType = executionType;
    }

    /// <summary>The default configuration: INLINE.</summary>
    public static ProcessorConfig Inline { get; } = new("INLINE", null);

    /// <summary><c>INLINE</c> (the default) or <c>DISTRIBUTED</c>.</summary>
    public string Mode { get; }

    /// <summary><c>STANDARD</c> or <c>EXPRESS</c> for distributed maps.</summary>
    public string? ExecutionType { get; }

    /// <summary>True for <c>"Mode": "DISTRIBUTED"</c>.</summary>
    public bool IsDistributed => Mode == "DISTRIBUTED";

    internal static ProcessorConfig Read(JsonObject json, string where) =>
        new(ModelReader.ReadOptionalString(json, "Mode", where) ?? "INLINE", ModelReader.ReadOptionalString(json, "ExecutionType", where));
}
