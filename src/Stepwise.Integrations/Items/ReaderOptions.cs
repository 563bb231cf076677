using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>An ItemReader request checked and decoded: what to read, how, and how many items at most.</summary>
internal sealed record ReaderOptions(
    ReaderAction Action,
    string Bucket,
    string? Key,
    string? VersionId,
    string? Prefix,
    string InputType,
    char Delimiter,
    IReadOnlyList<string>? GivenHeaders,
    long MaxItems)
{
    /// <summary>The Distributed Map reads at most 100,000,000 items; a larger MaxItems reads them all (developer guide, "ItemReader").</summary>
    public const long ItemLimit = 100_000_000;

    /// <exception cref="ItemReaderFailedException">The request names no bucket or key, or its ReaderConfig is not one AWS accepts.</exception>
    public static ReaderOptions From(ItemReaderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = request.Resource.EndsWith(":s3:listObjectsV2", StringComparison.Ordinal) ? ReaderAction.ListObjectsV2
            : request.Resource.EndsWith(":s3:getObject", StringComparison.Ordinal) ? ReaderAction.GetObject
            : throw new ItemReaderFailedException($"The ItemReader resource '{request.Resource}' is not supported; use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2.");
        var config = request.ReaderConfig;
        string bucket = Text(request.Arguments, "Bucket") ?? throw new ItemReaderFailedException("The ItemReader's Parameters need a Bucket.");
        string? key = Text(request.Arguments, "Key");
        string inputType = Text(config, "InputType") ?? (action == ReaderAction.ListObjectsV2 ? string.Empty : "JSON");
        if (action == ReaderAction.GetObject)
        {
            if (key is null)
            {
                throw new ItemReaderFailedException("The ItemReader's Parameters need a Key.");
            }

            if (inputType is not ("JSON" or "JSONL" or "CSV" or "MANIFEST"))
            {
                throw new ItemReaderFailedException($"The ReaderConfig InputType '{inputType}' is not one Stepwise reads: JSON, JSONL, CSV or MANIFEST.");
            }
        }

        if (inputType == "MANIFEST" && Text(config, "ManifestType") is { } manifestType && manifestType != "S3_INVENTORY")
        {
            throw new ItemReaderFailedException($"The ReaderConfig ManifestType '{manifestType}' is not supported; Stepwise reads S3_INVENTORY manifests.");
        }

        return new ReaderOptions(action, bucket, key, Text(request.Arguments, "VersionId"), Text(request.Arguments, "Prefix"), inputType, ReadDelimiter(config), ReadHeaders(config), ReadMaxItems(config));
    }

    private static char ReadDelimiter(JsonObject config) => Text(config, "CSVDelimiter") switch
    {
        null or "COMMA" => ',',
        "PIPE" => '|',
        "SEMICOLON" => ';',
        "SPACE" => ' ',
        "TAB" => '\t',
        var other => throw new ItemReaderFailedException($"The ReaderConfig CSVDelimiter '{other}' is not one of COMMA, PIPE, SEMICOLON, SPACE and TAB."),
    };

    private static string[]? ReadHeaders(JsonObject config)
    {
        string location = Text(config, "CSVHeaderLocation") ?? "FIRST_ROW";
        if (location == "FIRST_ROW")
        {
            return null;
        }

        if (location != "GIVEN")
        {
            throw new ItemReaderFailedException($"The ReaderConfig CSVHeaderLocation '{location}' is not one of FIRST_ROW and GIVEN.");
        }

        if (config["CSVHeaders"] is not JsonArray array)
        {
            throw new ItemReaderFailedException("The ReaderConfig needs CSVHeaders (an array of strings) when CSVHeaderLocation is GIVEN.");
        }

        var headers = new string[array.Count];
        for (int i = 0; i < headers.Length; i++)
        {
            headers[i] = array[i] is JsonString header ? header.Value
                : throw new ItemReaderFailedException("The ReaderConfig CSVHeaders must be an array of strings.");
        }

        return headers;
    }

    /// <summary>0 or absent reads every item; a negative value fails as AWS fails it; past the limit reads the limit.</summary>
    private static long ReadMaxItems(JsonObject config)
    {
        if (config["MaxItems"] is not { } value)
        {
            return ItemLimit;
        }

        // The interpreter already turned a MaxItemsPath string holding an integer into the number.
        if (value is not JsonNumber number)
        {
            throw new ItemReaderFailedException("field MaxItems must be a number");
        }

        double max = Math.Truncate(number.ToDouble());
        return max < 0 ? throw new ItemReaderFailedException("field MaxItems must be positive")
            : max == 0 || max > ItemLimit ? ItemLimit
            : (long)max;
    }

    private static string? Text(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonString s => s.Value,
        _ => throw new ItemReaderFailedException($"The field '{name}' must be a string."),
    };
}
