using System.Text.RegularExpressions;
using Stepwise.Json;

namespace Stepwise.Conformance.Jsonata;

/// <summary>Loads the jsonata-js suite from <c>shared/conformance/jsonata</c>: every case by id, and the datasets.</summary>
internal static class JsonataCorpus
{
    private static readonly Lazy<Dictionary<string, JsonataCase>> s_cases = new(LoadCases);
    private static readonly Lazy<Dictionary<string, JsonValue>> s_datasets = new(LoadDatasets);

    public static string Root => Path.Combine(RepositoryPaths.Shared, "conformance", "jsonata");

    public static IReadOnlyDictionary<string, JsonataCase> Cases => s_cases.Value;

    public static IReadOnlyDictionary<string, JsonValue> Datasets => s_datasets.Value;

    private static Dictionary<string, JsonataCase> LoadCases()
    {
        var cases = new Dictionary<string, JsonataCase>(StringComparer.Ordinal);
        foreach (string folder in Directory.GetDirectories(Path.Combine(Root, "groups")).Order(StringComparer.Ordinal))
        {
            string group = Path.GetFileName(folder);
            foreach (string file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                string name = group + "/" + Path.GetFileName(file);
                var content = ParseCase(File.ReadAllText(file));
                if (content is JsonArray array)
                {
                    for (int i = 0; i < array.Count; i++)
                    {
                        cases.Add($"{name}#{i}", new JsonataCase($"{name}#{i}", group, array[i].AsObject(), folder));
                    }
                }
                else
                {
                    cases.Add(name, new JsonataCase(name, group, content.AsObject(), folder));
                }
            }
        }

        return cases;
    }

    /// <summary>
    /// Parses a case file. Two cases hold a lone surrogate escape (<c>"\uD800"</c>) that a strict JSON reader rejects;
    /// they are read with the escape kept as JSONata source text, which the expression lexer turns into the same
    /// lone surrogate, so the case tests the same thing.
    /// </summary>
    private static JsonValue ParseCase(string text)
    {
        try
        {
            return JsonValue.Parse(text);
        }
        catch (InvalidOperationException)
        {
            return JsonValue.Parse(Regex.Replace(text, @"(?<!\\)\\(u[dD][89abAB][0-9a-fA-F]{2})(?!\\u[dD][c-fC-F])", @"\\$1"));
        }
    }

    private static Dictionary<string, JsonValue> LoadDatasets()
    {
        var datasets = new Dictionary<string, JsonValue>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(Root, "datasets"), "*.json"))
        {
            datasets[Path.GetFileNameWithoutExtension(file)] = JsonValue.Parse(File.ReadAllText(file));
        }

        return datasets;
    }
}
