using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>What a distributed Map's <c>ResultWriter</c> asks for, already evaluated against the state input.</summary>
/// <param name="Resource">The writer's resource as written, <c>arn:aws:states:::s3:putObject</c>; empty when the
/// ResultWriter has only a <c>WriterConfig</c> (results are then transformed but not exported).</param>
/// <param name="Arguments">The evaluated <c>Parameters</c>/<c>Arguments</c>: <c>Bucket</c> and <c>Prefix</c>.</param>
/// <param name="WriterConfig">The evaluated <c>WriterConfig</c> (<c>OutputType</c> JSON|JSONL, <c>Transformation</c>
/// NONE|COMPACT|FLATTEN), or null.</param>
/// <param name="MapRunArn">The Map Run's ARN; its last segment names the folder the files go in.</param>
public sealed record ResultWriterRequest(string Resource, JsonObject Arguments, JsonObject? WriterConfig, string MapRunArn);
