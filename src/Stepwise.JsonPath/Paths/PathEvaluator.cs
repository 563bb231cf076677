using System.Diagnostics;
using System.Text;
using Stepwise.Json;

namespace Stepwise.JsonPath.Paths;

/// <summary>
/// Evaluates path tokens over a JSON tree with Jayway's rules as AWS applies them: a definite path yields one value
/// or fails with Jayway's message; an indefinite path yields the array of its matches, empty when nothing matches
/// (base/test_base__test_json_path_array_wildcard_or_slice_with_no_input: <c>$.items[*]</c> over <c>{}</c> is <c>[]</c>).
/// </summary>
internal static class PathEvaluator
{
    /// <summary>
    /// Walks a definite path. On failure <paramref name="failure"/> says where and why, without allocating; the
    /// caller turns it into Jayway's message with <see cref="DefiniteFailure.Describe"/> only when it needs one.
    /// </summary>
    public static bool TryEvaluateDefinite(PathToken[] tokens, JsonValue root, out JsonValue value, out DefiniteFailure failure)
    {
        JsonValue current = root;
        for (int i = 0; i < tokens.Length; i++)
        {
            bool leaf = i == tokens.Length - 1;
            if (tokens[i] is PropertyToken property)
            {
                if (current is not JsonObject obj)
                {
                    failure = new DefiniteFailure(DefiniteFailureKind.NotAnObject, i, current);
                    value = current;
                    return false;
                }

                if (property.Names.Length > 1)
                {
                    // Jayway merges a leaf ['a','b'] into one object of the members that exist.
                    Debug.Assert(leaf, "Only a leaf multi-name token is definite.");
                    value = Merge(obj, property.Names);
                    failure = default;
                    return true;
                }

                if (!obj.TryGetValue(property.Names[0], out JsonValue? member))
                {
                    failure = new DefiniteFailure(leaf ? DefiniteFailureKind.NoResults : DefiniteFailureKind.MissingProperty, i, current);
                    value = current;
                    return false;
                }

                current = member;
                continue;
            }

            if (tokens[i] is FunctionToken)
            {
                failure = new DefiniteFailure(DefiniteFailureKind.NoResults, i, current);
                value = current;
                return false;
            }

            var index = (IndexToken)tokens[i];
            if (current is not JsonArray array)
            {
                failure = new DefiniteFailure(current.IsNull ? DefiniteFailureKind.NullArray : DefiniteFailureKind.NotAnArray, i, current);
                value = current;
                return false;
            }

            int position = index.Indexes[0];
            if (position < 0)
            {
                position += array.Count;
            }

            if ((uint)position >= (uint)array.Count)
            {
                // Jayway swallows the out-of-range index, so the whole path simply has no result.
                failure = new DefiniteFailure(DefiniteFailureKind.NoResults, i, current);
                value = current;
                return false;
            }

            current = array[position];
        }

        value = current;
        failure = default;
        return true;
    }

    /// <summary>All matches of an indefinite path, in document order; empty when nothing matches.</summary>
    /// <param name="tokens">The path's tokens.</param>
    /// <param name="start">The node the path starts from (the candidate for a path inside a filter).</param>
    /// <param name="root">The document <c>$</c> denotes inside filters.</param>
    public static JsonArray EvaluateIndefinite(PathToken[] tokens, JsonValue start, JsonValue root)
    {
        var matches = new List<JsonValue>();
        Collect(tokens, 0, start, root, matches);
        return matches.Count == 0 ? JsonArray.Empty : JsonArray.TakeOwnership(matches.ToArray());
    }

    private static void Collect(PathToken[] tokens, int index, JsonValue node, JsonValue root, List<JsonValue> matches)
    {
        if (index == tokens.Length)
        {
            matches.Add(node);
            return;
        }

        int next = index + 1;
        switch (tokens[index])
        {
            case PropertyToken property:
                if (node is not JsonObject obj)
                {
                    return;
                }

                if (property.Names.Length > 1 && next == tokens.Length)
                {
                    matches.Add(Merge(obj, property.Names));
                    return;
                }

                foreach (string name in property.Names)
                {
                    if (obj.TryGetValue(name, out JsonValue? member))
                    {
                        Collect(tokens, next, member, root, matches);
                    }
                }

                return;

            case IndexToken indexes:
                if (node is JsonArray indexed)
                {
                    foreach (int i in indexes.Indexes)
                    {
                        int position = i < 0 ? i + indexed.Count : i;
                        if ((uint)position < (uint)indexed.Count)
                        {
                            Collect(tokens, next, indexed[position], root, matches);
                        }
                    }
                }

                return;

            case SliceToken slice:
                if (node is JsonArray sliced)
                {
                    (int start, int end) = slice.Resolve(sliced.Count);
                    for (int i = start; i < end; i++)
                    {
                        Collect(tokens, next, sliced[i], root, matches);
                    }
                }

                return;

            case WildcardToken:
                if (node is JsonObject members)
                {
                    foreach (JsonValue member in members.Values)
                    {
                        Collect(tokens, next, member, root, matches);
                    }
                }
                else if (node is JsonArray elements)
                {
                    foreach (JsonValue element in elements)
                    {
                        Collect(tokens, next, element, root, matches);
                    }
                }

                return;

            case FunctionToken:
                return;

            case ScanToken:
                Scan(tokens, next, node, root, matches);
                return;

            case FilterToken filter:
                if (node is JsonArray candidates)
                {
                    foreach (JsonValue candidate in candidates)
                    {
                        if (filter.Matches(candidate, root))
                        {
                            Collect(tokens, next, candidate, root, matches);
                        }
                    }
                }
                else if (node is JsonObject single && filter.Matches(single, root))
                {
                    // Jayway applies a filter to an object as to a one-element array.
                    Collect(tokens, next, single, root, matches);
                }

                return;

            default:
                throw new InvalidOperationException($"Unknown path token {tokens[index].GetType().Name}.");
        }
    }

    // Jayway's deep scan: the token after ".." applies to the node itself and then to every node below it, in
    // document order (pre-order), wherever it can apply (names to objects, indexes and slices to arrays).
    private static void Scan(PathToken[] tokens, int target, JsonValue node, JsonValue root, List<JsonValue> matches)
    {
        PathToken token = tokens[target];
        bool applies = token switch
        {
            PropertyToken => node.IsObject,
            IndexToken or SliceToken => node.IsArray,
            _ => node.IsObject || node.IsArray,
        };
        if (applies)
        {
            Collect(tokens, target, node, root, matches);
        }

        if (node is JsonObject obj)
        {
            foreach (JsonValue member in obj.Values)
            {
                Scan(tokens, target, member, root, matches);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonValue element in array)
            {
                Scan(tokens, target, element, root, matches);
            }
        }
    }

    private static JsonObject Merge(JsonObject obj, string[] names)
    {
        var builder = new JsonObjectBuilder(names.Length);
        foreach (string name in names)
        {
            if (obj.TryGetValue(name, out JsonValue? member))
            {
                builder.Set(name, member);
            }
        }

        return builder.ToObject();
    }

    /// <summary>Jayway's normalized text of the first <paramref name="count"/> tokens: <c>$['a'][0]</c>.</summary>
    public static string Normalize(PathToken[] tokens, int count)
    {
        var builder = new StringBuilder("$");
        for (int i = 0; i < count; i++)
        {
            tokens[i].AppendNormalized(builder);
        }

        return builder.ToString();
    }

    public static string Fragment(PathToken token)
    {
        var builder = new StringBuilder();
        token.AppendNormalized(builder);
        return builder.ToString();
    }
}
