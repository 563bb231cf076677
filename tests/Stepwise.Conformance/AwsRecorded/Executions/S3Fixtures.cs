using Stepwise.Json;
using Stepwise.Testing;

namespace Stepwise.Conformance.AwsRecorded.Executions;

/// <summary>
/// Uploads to moto's S3 the objects a recorded Distributed Map case read on AWS (its ItemReader file, the objects it
/// listed) and creates the buckets its ResultWriter wrote to, from <c>Fixtures/s3</c> (see its README).
/// </summary>
internal static class S3Fixtures
{
    private static readonly string s_folder = Path.Combine(RepositoryPaths.Root, "tests", "Stepwise.Conformance", "Fixtures", "s3");
    private static readonly Lazy<JsonObject> s_cases = new(() => (JsonObject)JsonValue.Parse(File.ReadAllText(Path.Combine(s_folder, "cases.json"))));

    /// <summary>The needs a case may have that these fixtures serve.</summary>
    public static bool IsS3Need(string need) => need is "s3" or "s3 (Map ItemReader)" or "s3 (Map ResultWriter)";

    /// <summary>Uploads the case's objects; a case without fixtures gets none (it then fails as a missing object would).</summary>
    public static async Task UploadAsync(MotoServer moto, string caseId)
    {
        if (s_cases.Value[caseId] is not JsonArray objects)
        {
            return;
        }

        for (int i = 0; i < objects.Count; i++)
        {
            var entry = (JsonObject)objects[i];
            string bucket = entry["bucket"]!.AsString();
            await moto.CreateBucketAsync(bucket);
            if (entry["key"] is JsonString key)
            {
                await moto.PutObjectAsync(bucket, key.Value, await File.ReadAllBytesAsync(Path.Combine(s_folder, "files", entry["file"]!.AsString())));
            }
        }
    }
}
