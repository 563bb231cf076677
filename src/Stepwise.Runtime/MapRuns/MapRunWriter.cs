using Stepwise.Json;

namespace Stepwise.Runtime.MapRuns;

/// <summary>A distributed Map's ResultWriter, evaluated against the state's input.</summary>
/// <param name="Resource">The writer's resource (<c>arn:aws:states:::s3:putObject</c>); empty with only a WriterConfig.</param>
/// <param name="Arguments">The evaluated Parameters (JSONPath) or Arguments (JSONata): Bucket and Prefix.</param>
/// <param name="WriterConfig">The evaluated WriterConfig, or null.</param>
public sealed record MapRunWriter(string Resource, JsonObject Arguments, JsonObject? WriterConfig);
