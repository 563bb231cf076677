using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>What a distributed Map's <c>ItemReader</c> asks for, already evaluated against the state input.</summary>
/// <param name="Resource">The reader's resource as written in the definition, e.g. <c>arn:aws:states:::s3:getObject</c>
/// or <c>arn:aws:states:::s3:listObjectsV2</c>.</param>
/// <param name="Arguments">The evaluated <c>Parameters</c>/<c>Arguments</c>: <c>Bucket</c>, <c>Key</c>, <c>Prefix</c>, ….</param>
/// <param name="ReaderConfig">The evaluated <c>ReaderConfig</c>: <c>InputType</c>, <c>CSVHeaderLocation</c>,
/// <c>CSVHeaders</c>, <c>CSVDelimiter</c>, <c>ManifestType</c>, and <c>MaxItems</c> (already resolved from
/// <c>MaxItemsPath</c>). Empty when the definition has none.</param>
public sealed record ItemReaderRequest(string Resource, JsonObject Arguments, JsonObject ReaderConfig);
