using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>
/// The Distributed Map's data fields: ItemReader, ResultWriter and ItemBatcher
/// (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html). Unknown fields are rejected on
/// the three objects; ReaderConfig and WriterConfig values are checked, but unknown ReaderConfig fields are let through
/// since AWS keeps adding reader options.
/// </summary>
internal sealed partial class DefinitionWalker
{
    private void WalkItemReader(JsonValue value, QueryLanguage language, string location)
    {
        if (!CheckObject(value, "ItemReader", location))
        {
            return;
        }

        var reader = value.AsObject();
        if (!reader.ContainsKey("Resource"))
        {
            _context.Schema(DiagnosticMessages.Required("Resource"), location);
        }

        foreach (var (field, item) in reader)
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "Resource":
                    CheckS3Resource(item, fieldLocation, "getObject", "listObjectsV2");
                    break;
                case "ReaderConfig":
                    WalkReaderConfig(item, language, fieldLocation);
                    break;
                case "Parameters" or "Arguments":
                    CheckResourceArguments(field, item, language, fieldLocation);
                    break;
                default:
                    _context.Schema(DiagnosticMessages.NotSupported(field), location);
                    break;
            }
        }
    }

    private void WalkReaderConfig(JsonValue value, QueryLanguage language, string location)
    {
        if (!CheckObject(value, "ReaderConfig", location))
        {
            return;
        }

        bool jsonata = language == QueryLanguage.Jsonata;
        foreach (var (field, item) in value.AsObject())
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "InputType":
                    CheckEnum(item, field, fieldLocation, "CSV, JSON, JSONL, MANIFEST, PARQUET");
                    break;
                case "CSVHeaderLocation":
                    CheckEnum(item, field, fieldLocation, "FIRST_ROW, GIVEN");
                    break;
                case "CSVDelimiter":
                    CheckEnum(item, field, fieldLocation, "COMMA, PIPE, SEMICOLON, SPACE, TAB");
                    break;
                case "CSVHeaders":
                    if (item is not JsonArray headers || !AllStrings(headers))
                    {
                        _context.Schema(DiagnosticMessages.Type(field, "an ARRAY of STRING"), fieldLocation);
                    }

                    break;
                case "MaxItems":
                    CheckInteger(item, field, fieldLocation, minimum: 0, maximum: 100_000_000, allowExpression: jsonata);
                    break;
                case "MaxItemsPath" when !jsonata:
                    CheckReferencePath(item, field, fieldLocation);
                    break;
                case "MaxItemsPath":
                    _context.Schema(DiagnosticMessages.WrongQueryLanguage("JSONata", field, "JSONPath"), fieldLocation);
                    break;
            }
        }
    }

    private void WalkResultWriter(JsonValue value, QueryLanguage language, string location)
    {
        if (!CheckObject(value, "ResultWriter", location))
        {
            return;
        }

        var writer = value.AsObject();
        bool hasResource = writer.ContainsKey("Resource");
        bool hasArguments = writer.ContainsKey("Parameters") || writer.ContainsKey("Arguments");
        if (!hasResource && !writer.ContainsKey("WriterConfig"))
        {
            // An empty ResultWriter says nothing (measured: rejected at the ResultWriter).
            _context.Schema(DiagnosticMessages.Required("Resource"), location);
        }
        else if (hasResource && !hasArguments)
        {
            // Writing to S3 needs the bucket: a Resource without Parameters is rejected at the ResultWriter (measured).
            _context.Schema(DiagnosticMessages.Required(language == QueryLanguage.Jsonata ? "Arguments" : "Parameters"), location);
        }

        foreach (var (field, item) in writer)
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "Resource":
                    CheckS3Resource(item, fieldLocation, "putObject");
                    break;
                case "Parameters" or "Arguments":
                    CheckResourceArguments(field, item, language, fieldLocation);
                    break;
                case "WriterConfig":
                    WalkWriterConfig(item, fieldLocation);
                    break;
                default:
                    _context.Schema(DiagnosticMessages.NotSupported(field), location);
                    break;
            }
        }
    }

    /// <summary>WriterConfig: Transformation and OutputType, both required together (measured at the WriterConfig).</summary>
    private void WalkWriterConfig(JsonValue value, string location)
    {
        if (!CheckObject(value, "WriterConfig", location))
        {
            return;
        }

        var config = value.AsObject();
        bool hasTransformation = config.ContainsKey("Transformation"), hasOutputType = config.ContainsKey("OutputType");
        if (!hasTransformation || !hasOutputType)
        {
            _context.Schema(DiagnosticMessages.Required(!hasTransformation && !hasOutputType ? "Transformation, OutputType" : hasTransformation ? "OutputType" : "Transformation"), location);
        }

        foreach (var (field, item) in config)
        {
            switch (field)
            {
                case "Transformation":
                    CheckEnum(item, field, location, "NONE, COMPACT, FLATTEN");
                    break;
                case "OutputType":
                    CheckEnum(item, field, location, "JSON, JSONL");
                    break;
                default:
                    _context.Schema(DiagnosticMessages.NotSupported(field), location);
                    break;
            }
        }
    }

    private void WalkItemBatcher(JsonValue value, QueryLanguage language, string location)
    {
        if (!CheckObject(value, "ItemBatcher", location))
        {
            return;
        }

        bool jsonata = language == QueryLanguage.Jsonata;
        foreach (var (field, item) in value.AsObject())
        {
            string fieldLocation = Location.Field(location, field);
            switch (field)
            {
                case "MaxItemsPerBatch" or "MaxInputBytesPerBatch":
                    CheckInteger(item, field, fieldLocation, minimum: 0, maximum: long.MaxValue, allowExpression: jsonata);
                    break;
                case "MaxItemsPerBatchPath" or "MaxInputBytesPerBatchPath" when !jsonata:
                    CheckReferencePath(item, field, fieldLocation);
                    break;
                case "BatchInput":
                    CheckObject(item, field, fieldLocation);
                    if (!jsonata)
                    {
                        CheckTemplate(item, fieldLocation);
                    }

                    break;
                case "MaxItemsPerBatchPath" or "MaxInputBytesPerBatchPath":
                    _context.Schema(DiagnosticMessages.WrongQueryLanguage("JSONata", field, "JSONPath"), location);
                    break;
                default:
                    _context.Schema(DiagnosticMessages.NotSupported(field), location);
                    break;
            }
        }
    }

    /// <summary>Parameters belong to JSONPath and Arguments to JSONata, reported at the field itself (measured).</summary>
    private void CheckResourceArguments(string field, JsonValue value, QueryLanguage language, string location)
    {
        if (field == "Parameters" && language == QueryLanguage.Jsonata)
        {
            _context.Schema(DiagnosticMessages.WrongQueryLanguage("JSONata", field, "JSONPath"), location);
        }
        else if (field == "Arguments" && language == QueryLanguage.JsonPath)
        {
            _context.Schema(DiagnosticMessages.WrongQueryLanguage("JSONPath", field, "JSONata"), location);
        }
        else if (field == "Parameters")
        {
            CheckTemplate(value, location);
        }
    }

    private void CheckS3Resource(JsonValue value, string location, params ReadOnlySpan<string> actions)
    {
        if (!ExpectString(value, "Resource", location))
        {
            return;
        }

        string resource = value.AsString();
        if (TaskResource.TryParse(resource, out var parsed) && parsed.Kind == TaskResourceKind.ServiceIntegration && parsed.Service == "s3")
        {
            foreach (string action in actions)
            {
                if (parsed.Action == action && parsed.Pattern == IntegrationPattern.RequestResponse)
                {
                    return;
                }
            }
        }

        _context.Schema(DiagnosticMessages.UnknownResource(resource), location);
    }

    private static bool AllStrings(JsonArray array)
    {
        foreach (var item in array)
        {
            if (item is not JsonString)
            {
                return false;
            }
        }

        return true;
    }
}
