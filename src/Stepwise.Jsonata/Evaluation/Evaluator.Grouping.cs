using Stepwise.Json;
using Stepwise.Jsonata.Parsing;

namespace Stepwise.Jsonata.Evaluation;

/// <summary>Object constructors and group-by (<c>path{key: value}</c>), and the sort step <c>^(...)</c>.</summary>
internal sealed partial class Evaluator
{
    private object? EvaluateGroup(List<(Node Key, Node Value)> pairs, int position, object? input, Frame env)
    {
        if (input is not (JList or JsonArray))
        {
            return EvaluateObject(pairs, position, input, env);
        }

        var result = new JMap();
        bool reduce = input is JList { TupleStream: true };
        if (!ArrayView.TryGet(input, out var items))
        {
            items = new ArrayView(JList.Sequence(input));
        }

        if (items.Count == 0 && !reduce)
        {
            // An empty input still yields the object, so that literal keys produce a value. An empty tuple stream
            // yields the empty object (jsonata-js 2.2.2).
            items = new ArrayView(JList.Sequence(null));
        }

        // Keys in first-seen order; each with the items grouped under it and the pair that produced it.
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupKeys = new List<string>();
        var groupData = new List<object?>();
        var groupPair = new List<int>();
        var groupOwned = new List<bool>();
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var itemEnv = reduce ? FrameFromTuple(env, (TupleBinding)item!) : env;
            var context = reduce ? ((TupleBinding)item!).Context : item;
            for (int p = 0; p < pairs.Count; p++)
            {
                var key = EvaluateField(pairs[p].Key, context, itemEnv);
                if (key is null)
                {
                    continue;
                }

                if (key is not JsonString keyString)
                {
                    throw new JsonataException("T1003", $"Key in object structure must evaluate to a string; got: {Values.ToMessageText(key)}", position);
                }

                if (groups.TryGetValue(keyString.Value, out int g))
                {
                    if (groupPair[g] != p)
                    {
                        throw new JsonataException("D1009", $"Multiple key definitions evaluate to same key: {Values.ToMessageText(keyString)}", position);
                    }

                    // fn.append would copy the group on every item; the list built here is ours, so grow it in place.
                    if (groupOwned[g])
                    {
                        AddFlat((JList)groupData[g]!, item!);
                    }
                    else
                    {
                        groupData[g] = Append(groupData[g], item);
                        groupOwned[g] = groupData[g] is JList;
                    }
                }
                else
                {
                    groups[keyString.Value] = groupKeys.Count;
                    groupKeys.Add(keyString.Value);
                    groupData.Add(item);
                    groupPair.Add(p);
                    groupOwned.Add(false);
                }
            }
        }

        for (int g = 0; g < groupKeys.Count; g++)
        {
            var context = groupData[g];
            var valueEnv = env;
            if (reduce)
            {
                var tuple = ReduceTupleStream(context);
                context = tuple.Context;
                tuple.Remove(TupleBinding.ContextKey);
                valueEnv = FrameFromTuple(env, tuple);
            }

            var value = Evaluate(pairs[groupPair[g]].Value, context, valueEnv);
            if (value is not null)
            {
                result.Set(groupKeys[g], value);
            }
        }

        return result;
    }

    /// <summary>
    /// An object constructor over a single context value: each key expression yields at most one group, so the
    /// grouping machinery reduces to evaluating the keys, then the values, in pair order.
    /// </summary>
    private JMap EvaluateObject(List<(Node Key, Node Value)> pairs, int position, object? input, Frame env)
    {
        var keys = new string?[pairs.Count];
        for (int p = 0; p < pairs.Count; p++)
        {
            var key = Evaluate(pairs[p].Key, input, env);
            if (key is null)
            {
                continue;
            }

            if (key is not JsonString keyString)
            {
                throw new JsonataException("T1003", $"Key in object structure must evaluate to a string; got: {Values.ToMessageText(key)}", position);
            }

            for (int q = 0; q < p; q++)
            {
                if (string.Equals(keys[q], keyString.Value, StringComparison.Ordinal))
                {
                    throw new JsonataException("D1009", $"Multiple key definitions evaluate to same key: {Values.ToMessageText(keyString)}", position);
                }
            }

            keys[p] = keyString.Value;
        }

        var result = new JMap(pairs.Count);
        for (int p = 0; p < pairs.Count; p++)
        {
            if (keys[p] is { } key)
            {
                var value = Evaluate(pairs[p].Value, input, env);
                if (value is not null)
                {
                    result.Set(key, value);
                }
            }
        }

        return result;
    }

    private static TupleBinding ReduceTupleStream(object? stream)
    {
        if (stream is TupleBinding single)
        {
            return new TupleBinding(single);
        }

        ArrayView.TryGet(stream, out var tuples);
        var result = new TupleBinding((TupleBinding)tuples[0]!);
        HashSet<string>? owned = null;
        for (int i = 1; i < tuples.Count; i++)
        {
            foreach (var (key, value) in (TupleBinding)tuples[i]!)
            {
                var existing = result.TryGetValue(key, out var e) ? e : null;
                if (value is not null && existing is JList list && owned is not null && owned.Contains(key))
                {
                    AddFlat(list, value);
                    continue;
                }

                var appended = Append(existing, value);
                if (appended is JList && !ReferenceEquals(appended, existing) && !ReferenceEquals(appended, value))
                {
                    (owned ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
                }

                result[key] = appended;
            }
        }

        return result;
    }

    private object? EvaluateSort(Node step, object? input, Frame env)
    {
        if (!ArrayView.TryGet(input, out var items))
        {
            return input;
        }

        if (items.Count <= 1)
        {
            return input;
        }

        bool tupleSort = input is JList { TupleStream: true };
        var array = new object?[items.Count];
        for (int i = 0; i < array.Length; i++)
        {
            array[i] = items[i];
        }

        var comparer = new SortComparer(this, step, env, tupleSort);
        var sorted = MergeSort.Sort(array, comparer);
        var result = new JList(sorted.Length) { TupleStream = tupleSort, IsSequence = tupleSort };
        result.AddRange(sorted);
        return result;
    }

    /// <summary>The comparator of a sort step: true when <c>a</c> must come after <c>b</c> (jsonata-js's convention).</summary>
    private sealed class SortComparer(Evaluator evaluator, Node step, Frame env, bool tupleSort) : ISwapComparer
    {
        public bool Swap(object? a, object? b)
        {
            int comp = 0;
            var terms = step.Terms!;
            for (int t = 0; comp == 0 && t < terms.Count; t++)
            {
                var (expression, descending) = terms[t];
                var aa = EvaluateTerm(expression, a);
                var bb = EvaluateTerm(expression, b);
                if (aa is null)
                {
                    comp = bb is null ? 0 : 1;
                    continue;
                }

                if (bb is null)
                {
                    comp = -1;
                    continue;
                }

                bool aOk = aa is JsonString or JsonNumber;
                bool bOk = bb is JsonString or JsonNumber;
                if (!aOk || !bOk)
                {
                    throw new JsonataException("T2008", "The expressions within an order-by clause must evaluate to numeric or string values", step.Position);
                }

                if (aa is JsonNumber an && bb is JsonNumber bn)
                {
                    comp = an.ToDouble().CompareTo(bn.ToDouble());
                }
                else if (aa is JsonString ast && bb is JsonString bst)
                {
                    comp = Math.Sign(string.CompareOrdinal(ast.Value, bst.Value));
                }
                else
                {
                    throw new JsonataException("T2007", "Type mismatch when comparing values in order-by clause", step.Position);
                }

                if (descending)
                {
                    comp = -comp;
                }
            }

            return comp == 1;
        }

        private object? EvaluateTerm(Node expression, object? item)
        {
            if (tupleSort)
            {
                var tuple = (TupleBinding)item!;
                return evaluator.Evaluate(expression, tuple.Context, FrameFromTuple(env, tuple));
            }

            return evaluator.EvaluateField(expression, item, env);
        }
    }
}
