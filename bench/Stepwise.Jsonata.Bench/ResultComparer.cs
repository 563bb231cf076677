using Stepwise.Json;

namespace Stepwise.Jsonata.Bench;

/// <summary>Compares a result with jsonata-js's: structural equality, numbers as doubles, object member order ignored.</summary>
internal static class ResultComparer
{
    public static bool Same(JsonValue? expected, JsonValue? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        switch (expected)
        {
            case JsonNumber en:
                return actual is JsonNumber an && en.ToDouble() == an.ToDouble();
            case JsonArray ea:
            {
                if (actual is not JsonArray aa || aa.Count != ea.Count)
                {
                    return false;
                }

                for (int i = 0; i < ea.Count; i++)
                {
                    if (!Same(ea[i], aa[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonObject eo:
            {
                if (actual is not JsonObject ao || ao.Count != eo.Count)
                {
                    return false;
                }

                foreach (var (key, value) in eo)
                {
                    if (!ao.TryGetValue(key, out var other) || !Same(value, other))
                    {
                        return false;
                    }
                }

                return true;
            }

            default:
                return JsonValue.DeepEquals(expected, actual);
        }
    }
}
