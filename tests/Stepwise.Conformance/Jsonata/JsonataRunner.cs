using Stepwise.Json;
using Stepwise.Jsonata;

namespace Stepwise.Conformance.Jsonata;

/// <summary>
/// Runs one case the way the corpus README says a runner must: compile, evaluate with the case's input, bindings and
/// guards, then compare (numbers as doubles, object member order ignored, arrays ordered unless <c>unordered</c>).
/// </summary>
internal static class JsonataRunner
{
    /// <summary>A guard for every case, so that an engine bug cannot hang the run.</summary>
    private static readonly TimeSpan s_defaultTimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>Runs the case; returns null when it passes, else what went wrong.</summary>
    public static string? Run(JsonataCase testCase)
    {
        var definition = testCase.Definition;
        string expression = definition.TryGetValue("expr", out var expr)
            ? expr.AsString()
            : File.ReadAllText(Path.Combine(testCase.Folder, definition["expr-file"]!.AsString()));

        var options = new JsonataOptions { TimeLimit = s_defaultTimeLimit };
        if (definition.TryGetValue("timelimit", out var timeLimit) && definition.TryGetValue("depth", out var depth))
        {
            options.TimeLimit = TimeSpan.FromMilliseconds(timeLimit.AsNumber().ToDouble());
            options.MaxDepth = (int)depth.AsNumber().ToDouble();
        }

        JsonValue? input = null;
        if (definition.TryGetValue("data", out var data))
        {
            input = data;
        }
        else if (definition.TryGetValue("dataset", out var dataset) && dataset is JsonString name)
        {
            input = JsonataCorpus.Datasets[name.Value];
        }

        var bindings = new JsonataBindings();
        if (definition.TryGetValue("bindings", out var bound) && bound is JsonObject boundObject)
        {
            foreach (var (key, value) in boundObject)
            {
                bindings.Set(key, value);
            }
        }

        JsonValue? result;
        try
        {
            result = JsonataExpression.Compile(expression, options).Evaluate(input, bindings);
        }
        catch (JsonataException e)
        {
            return CheckError(definition, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"unexpected {e.GetType().Name}: {e.Message}";
        }

        if (ExpectedCode(definition) is { } code)
        {
            return $"expected error {code}, got {Show(result)}";
        }

        if (definition.TryGetValue("undefinedResult", out var undefinedResult) && undefinedResult.Kind == JsonValueKind.True)
        {
            return result is null ? null : $"expected undefined, got {Show(result)}";
        }

        if (definition.TryGetValue("result", out var expected))
        {
            bool unordered = definition.TryGetValue("unordered", out var u) && u.Kind == JsonValueKind.True;
            return result is not null && Same(expected, result, unordered) ? null : $"expected {expected.ToJsonString()}, got {Show(result)}";
        }

        return "the case states no expectation";
    }

    private static string? ExpectedCode(JsonObject definition)
    {
        if (definition.TryGetValue("code", out var code))
        {
            return code.AsString();
        }

        return definition.TryGetValue("error", out var error) && error is JsonObject e && e.TryGetValue("code", out var c) ? c.AsString() : null;
    }

    private static string? CheckError(JsonObject definition, JsonataException e)
    {
        string? code = ExpectedCode(definition);
        if (code is null)
        {
            return $"unexpected error {e.Code}: {e.Message}";
        }

        if (code != e.Code)
        {
            return $"expected error {code}, got {e.Code}: {e.Message}";
        }

        if (definition.TryGetValue("token", out var token) && token.AsString() != e.Token)
        {
            return $"expected token {token.AsString()}, got {e.Token}";
        }

        if (definition.TryGetValue("error", out var error) && error is JsonObject details)
        {
            if (details.TryGetValue("message", out var message) && message.AsString() != e.Message)
            {
                return $"expected message \"{message.AsString()}\", got \"{e.Message}\"";
            }

            if (details.TryGetValue("token", out var errorToken) && errorToken.AsString() != e.Token)
            {
                return $"expected token {errorToken.AsString()}, got {e.Token}";
            }
        }

        return null;
    }

    private static string Show(JsonValue? value) => value is null ? "undefined" : value.ToJsonString();

    /// <summary>Structural equality with numbers compared as doubles; arrays in any order when <paramref name="unordered"/>.</summary>
    private static bool Same(JsonValue expected, JsonValue actual, bool unordered)
    {
        if (expected is JsonNumber en)
        {
            return actual is JsonNumber an && en.ToDouble() == an.ToDouble();
        }

        if (expected is JsonArray ea)
        {
            if (actual is not JsonArray aa || aa.Count != ea.Count)
            {
                return false;
            }

            if (!unordered)
            {
                for (int i = 0; i < ea.Count; i++)
                {
                    if (!Same(ea[i], aa[i], false))
                    {
                        return false;
                    }
                }

                return true;
            }

            var used = new bool[aa.Count];
            foreach (var item in ea)
            {
                int match = -1;
                for (int i = 0; i < aa.Count && match < 0; i++)
                {
                    if (!used[i] && Same(item, aa[i], true))
                    {
                        match = i;
                    }
                }

                if (match < 0)
                {
                    return false;
                }

                used[match] = true;
            }

            return true;
        }

        if (expected is JsonObject eo)
        {
            if (actual is not JsonObject ao || ao.Count != eo.Count)
            {
                return false;
            }

            foreach (var (key, value) in eo)
            {
                if (!ao.TryGetValue(key, out var other) || !Same(value, other, unordered))
                {
                    return false;
                }
            }

            return true;
        }

        return JsonValue.DeepEquals(expected, actual);
    }
}
