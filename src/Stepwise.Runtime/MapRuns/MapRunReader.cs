using Stepwise.Json;

namespace Stepwise.Runtime.MapRuns;

/// <summary>A distributed Map's ItemReader, evaluated against the state's input.</summary>
/// <param name="Resource">The reader's resource as written (<c>arn:aws:states:::s3:getObject</c>, <c>…:s3:listObjectsV2</c>).</param>
/// <param name="Arguments">The evaluated Parameters (JSONPath) or Arguments (JSONata).</param>
/// <param name="ReaderConfig">The evaluated ReaderConfig, MaxItemsPath resolved into MaxItems.</param>
public sealed record MapRunReader(string Resource, JsonObject Arguments, JsonObject ReaderConfig);
