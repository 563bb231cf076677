using Stepwise.Json;
using Stepwise.Jsonata.Functions;
using Stepwise.Jsonata.Parsing;

namespace Stepwise.Jsonata.Evaluation;

/// <summary>Paths: steps, the sequence-flattening rules, tuple streams, predicates, wildcards and descendants.</summary>
internal sealed partial class Evaluator
{
    private object? EvaluatePath(Node expr, object? input, Frame env)
    {
        var steps = expr.Steps!;
        if (expr.SimplePrefix > 0 && (steps[0].Type == NodeType.Variable || !Values.IsArray(input)))
        {
            // Walk the leading field-name steps from one object to the next without building sequences. Field lookups
            // have no side effects, so when the walk meets a case it does not handle it starts over the general way.
            object? current;
            int i = 0;
            if (steps[0].Type == NodeType.Variable)
            {
                string name = steps[0].Value;
                current = name.Length == 0 ? (input is JList { OuterWrapper: true } wrapper ? wrapper[0] : input) : env.Lookup(name);
                i = 1;
            }
            else
            {
                current = input;
            }

            for (; i < expr.SimplePrefix && current is not (JList or JsonArray); i++)
            {
                current = current switch
                {
                    JsonObject obj => obj.TryGetValue(steps[i].Value, out var value) ? value : null,
                    JMap map => map.TryGetValue(steps[i].Value, out var mapValue) ? mapValue : null,
                    _ => null,
                };
                if (current is null)
                {
                    break;
                }
            }

            if (current is null)
            {
                if (expr.Group is null)
                {
                    return null;
                }
            }
            else if (current is not (JList { IsSequence: true } or JList { Cons: true } or TupleBinding))
            {
                if (i == steps.Count)
                {
                    if (expr.IsSimplePath)
                    {
                        // A final array is the result as it is (the last-step rule).
                        return current;
                    }
                }
                else
                {
                    // The value after step i-1 is the input sequence of step i (an array is already one).
                    return EvaluateSteps(expr, i, Values.IsArray(current) ? current : JList.Sequence(current), env);
                }
            }
        }

        // A path starting with a variable ($x or $$) is absolute: it does not map over an input array.
        return EvaluateSteps(expr, 0, Values.IsArray(input) && steps[0].Type != NodeType.Variable ? input! : JList.Sequence(input), env);
    }

    private object? EvaluateSteps(Node expr, int firstStep, object inputSequence, Frame env)
    {
        var steps = expr.Steps!;
        object? resultSequence = null;
        bool isTupleStream = false;
        JList? tupleBindings = null;

        for (int i = firstStep; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Tuple)
            {
                isTupleStream = true;
            }

            if (i == 0 && step.ConsArray)
            {
                resultSequence = Evaluate(step, inputSequence, env);
            }
            else if (isTupleStream)
            {
                tupleBindings = EvaluateTupleStep(step, inputSequence, tupleBindings, env);
            }
            else
            {
                resultSequence = EvaluateStep(step, inputSequence, env, i == steps.Count - 1);
            }

            if (!isTupleStream && (resultSequence is null || (ArrayView.TryGet(resultSequence, out var view) && view.Count == 0)))
            {
                break;
            }

            if (step.Focus is null && resultSequence is not null)
            {
                inputSequence = resultSequence;
            }
        }

        if (isTupleStream)
        {
            if (expr.Tuple)
            {
                resultSequence = tupleBindings;
            }
            else
            {
                var sequence = JList.Sequence();
                if (tupleBindings is not null)
                {
                    for (int i = 0; i < tupleBindings.Count; i++)
                    {
                        sequence.Add(((TupleBinding)tupleBindings[i]!).Context);
                    }
                }

                resultSequence = sequence;
            }
        }

        if (expr.KeepSingletonArray)
        {
            if (resultSequence is JList { Cons: true, IsSequence: false } cons)
            {
                resultSequence = JList.Sequence(cons);
            }

            if (resultSequence is JList list)
            {
                list.KeepSingleton = true;
            }
            else if (resultSequence is JsonArray json)
            {
                var copy = new JList(json.Count) { KeepSingleton = true };
                foreach (var item in json)
                {
                    copy.Add(item);
                }

                resultSequence = copy;
            }
        }

        if (expr.Group is { } group)
        {
            resultSequence = EvaluateGroup(group, expr.GroupPosition, isTupleStream ? tupleBindings : resultSequence, env);
        }

        return resultSequence;
    }

    private object? EvaluateStep(Node step, object input, Frame env, bool lastStep)
    {
        if (step.Type == NodeType.Sort)
        {
            var sorted = EvaluateSort(step, input, env);
            if (step.Stages is not null)
            {
                sorted = EvaluateStages(step.Stages, sorted, env);
            }

            return sorted;
        }

        ArrayView.TryGet(input, out var items);
        var flattened = new JList(items.Count) { IsSequence = true };
        var stages = step.Stages;
        object? first = null;
        int count = 0;
        // A plain field step on an object is a lookup: skip the general evaluation of the step node.
        bool plainName = step.Type == NodeType.Name && step.Predicates is null && step.Group is null && !step.KeepArray;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            object? res;
            if (plainName && item is JsonObject obj)
            {
                res = obj.TryGetValue(step.Value, out var field) ? field : null;
            }
            else
            {
                res = Evaluate(step, item, env);
            }

            if (stages is not null)
            {
                for (int s = 0; s < stages.Count; s++)
                {
                    res = EvaluateFilter(stages[s].Expression!, res, env);
                }
            }

            if (res is null)
            {
                continue;
            }

            if (count++ == 0)
            {
                first = res;
            }

            if (res is JList { Cons: true } || !ArrayView.TryGet(res, out var view))
            {
                flattened.Add(res);
            }
            else
            {
                for (int k = 0; k < view.Count; k++)
                {
                    flattened.Add(view[k]);
                }
            }
        }

        // The last step yields a single array as it is rather than flattened into the sequence.
        if (lastStep && count == 1 && Values.IsArray(first) && !Values.IsSequence(first))
        {
            return first;
        }

        return flattened;
    }

    private object? EvaluateStages(List<Node> stages, object? input, Frame env)
    {
        var result = input;
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            if (stage.Type == NodeType.Filter)
            {
                result = EvaluateFilter(stage.Expression!, result, env);
            }
            else if (result is JList list)
            {
                for (int i = 0; i < list.Count; i++)
                {
                    ((TupleBinding)list[i]!)[stage.Value] = JsonNumber.FromInt64(i);
                }
            }
        }

        return result;
    }

    private JList EvaluateTupleStep(Node step, object input, JList? tupleBindings, Frame env)
    {
        JList result;
        if (step.Type == NodeType.Sort)
        {
            if (tupleBindings is not null)
            {
                result = ToList(EvaluateSort(step, tupleBindings, env));
                result.TupleStream = true;
            }
            else
            {
                var sorted = EvaluateSort(step, input, env);
                result = new JList { IsSequence = true, TupleStream = true };
                ArrayView.TryGet(sorted, out var view);
                for (int i = 0; i < view.Count; i++)
                {
                    var tuple = new TupleBinding { [TupleBinding.ContextKey] = view[i] };
                    if (step.Index is not null)
                    {
                        tuple[step.Index] = JsonNumber.FromInt64(i);
                    }

                    result.Add(tuple);
                }
            }

            if (step.Stages is not null)
            {
                result = ToList(EvaluateStages(step.Stages, result, env));
            }

            return result;
        }

        result = new JList { IsSequence = true, TupleStream = true };
        if (tupleBindings is null)
        {
            ArrayView.TryGet(input, out var items);
            tupleBindings = new JList(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                tupleBindings.Add(new TupleBinding { [TupleBinding.ContextKey] = items[i] });
            }
        }

        for (int e = 0; e < tupleBindings.Count; e++)
        {
            var binding = (TupleBinding)tupleBindings[e]!;
            var stepEnv = FrameFromTuple(env, binding);
            var res = Evaluate(step, binding.Context, stepEnv);
            if (res is null)
            {
                continue;
            }

            if (!ArrayView.TryGet(res, out var view))
            {
                var single = new JList(1) { res };
                view = new ArrayView(single);
            }

            bool resIsTuples = res is JList { TupleStream: true };
            for (int b = 0; b < view.Count; b++)
            {
                var tuple = new TupleBinding(binding);
                if (resIsTuples)
                {
                    foreach (var (key, value) in (TupleBinding)view[b]!)
                    {
                        tuple[key] = value;
                    }
                }
                else
                {
                    if (step.Focus is not null)
                    {
                        tuple[step.Focus] = view[b];
                        tuple[TupleBinding.ContextKey] = binding.Context;
                    }
                    else
                    {
                        tuple[TupleBinding.ContextKey] = view[b];
                    }

                    if (step.Index is not null)
                    {
                        tuple[step.Index] = JsonNumber.FromInt64(b);
                    }

                    if (step.AncestorLabel is not null)
                    {
                        tuple[step.AncestorLabel] = binding.Context;
                    }
                }

                result.Add(tuple);
            }
        }

        if (step.Stages is not null)
        {
            result = ToList(EvaluateStages(step.Stages, result, env));
        }

        return result;
    }

    private static JList ToList(object? value)
    {
        if (value is JList list)
        {
            return list;
        }

        var result = new JList();
        if (value is not null)
        {
            AddFlat(result, value);
        }

        return result;
    }

    private object? EvaluateFilter(Node predicate, object? input, Frame env)
    {
        var results = JList.Sequence();
        bool tupleStream = input is JList { TupleStream: true };
        results.TupleStream = tupleStream;
        if (!ArrayView.TryGet(input, out var items))
        {
            items = new ArrayView(JList.Sequence(input));
        }

        if (predicate.Type == NodeType.Number)
        {
            int index = (int)Math.Floor(((JsonNumber)predicate.Literal!).ToDouble());
            if (index < 0)
            {
                index += items.Count;
            }

            if (index >= 0 && index < items.Count)
            {
                var item = items[index];
                if (item is not null)
                {
                    if (Values.IsArray(item))
                    {
                        return item;
                    }

                    results.Add(item);
                }
            }

            return results;
        }

        if (predicate.IsConstant && items.Count > 0)
        {
            // The predicate is the same for every item ([0..9], [-1]): evaluate it once and select by index.
            return SelectByConstant(Evaluate(predicate, items[0], env), items, results);
        }

        for (int index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var context = item;
            var itemEnv = env;
            if (tupleStream)
            {
                var tuple = (TupleBinding)item!;
                context = tuple.Context;
                itemEnv = FrameFromTuple(env, tuple);
            }

            var res = Evaluate(predicate, context, itemEnv);
            if (res is JsonNumber number)
            {
                int i = (int)Math.Floor(number.ToDouble());
                if (i < 0)
                {
                    i += items.Count;
                }

                if (i == index)
                {
                    results.Add(item);
                }
            }
            else if (IsArrayOfNumbers(res, out var numbers))
            {
                for (int k = 0; k < numbers.Count; k++)
                {
                    int i = (int)Math.Floor(((JsonNumber)numbers[k]!).ToDouble());
                    if (i < 0)
                    {
                        i += items.Count;
                    }

                    if (i == index)
                    {
                        results.Add(item);
                    }
                }
            }
            else if (Values.Boolean(res) == true)
            {
                results.Add(item);
            }
        }

        return results;
    }

    /// <summary>The items a context-independent predicate value selects, in item order (as the per-item loop would).</summary>
    private static JList SelectByConstant(object? res, ArrayView items, JList results)
    {
        if (res is JsonNumber number)
        {
            int i = IndexOf(number, items.Count);
            if (i >= 0)
            {
                results.Add(items[i]);
            }

            return results;
        }

        if (IsArrayOfNumbers(res, out var numbers))
        {
            var hits = new int[items.Count];
            for (int k = 0; k < numbers.Count; k++)
            {
                int i = IndexOf((JsonNumber)numbers[k]!, items.Count);
                if (i >= 0)
                {
                    hits[i]++;
                }
            }

            for (int i = 0; i < hits.Length; i++)
            {
                for (int h = 0; h < hits[i]; h++)
                {
                    results.Add(items[i]);
                }
            }

            return results;
        }

        if (Values.Boolean(res) == true)
        {
            for (int i = 0; i < items.Count; i++)
            {
                results.Add(items[i]);
            }
        }

        return results;
    }

    private static int IndexOf(JsonNumber number, int count)
    {
        double index = Math.Floor(number.ToDouble());
        if (index < 0)
        {
            index += count;
        }

        return index >= 0 && index < count ? (int)index : -1;
    }

    private static bool IsArrayOfNumbers(object? value, out ArrayView view)
    {
        if (!ArrayView.TryGet(value, out view))
        {
            return false;
        }

        for (int i = 0; i < view.Count; i++)
        {
            if (view[i] is not JsonNumber)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>jsonata-js's <c>fn.lookup</c>: a field of an object, mapped (and flattened one level) over arrays.</summary>
    private static object? Lookup(object? input, string key, int depth = 0)
    {
        Values.CheckNesting(depth);
        switch (input)
        {
            case JsonObject obj:
                return obj.TryGetValue(key, out var value) ? value : null;
            case JMap map:
                return map.TryGetValue(key, out var mapValue) ? mapValue : null;
            case JList or JsonArray:
            {
                ArrayView.TryGet(input, out var items);
                var result = JList.Sequence();
                for (int i = 0; i < items.Count; i++)
                {
                    var res = Lookup(items[i], key, depth + 1);
                    if (res is null)
                    {
                        continue;
                    }

                    if (ArrayView.TryGet(res, out var view))
                    {
                        for (int k = 0; k < view.Count; k++)
                        {
                            result.Add(view[k]);
                        }
                    }
                    else
                    {
                        result.Add(res);
                    }
                }

                return result;
            }

            default:
                return null;
        }
    }

    private static object? EvaluateWildcard(object? input)
    {
        var results = JList.Sequence();
        if (input is JList { OuterWrapper: true } wrapper && wrapper.Count > 0)
        {
            input = wrapper[0];
        }

        // JavaScript's Object.keys also enumerates an array, by index: the wildcard of an array is its items.
        if (ArrayView.TryGet(input, out var items))
        {
            for (int i = 0; i < items.Count; i++)
            {
                AddWildcardValue(results, items[i]);
            }
        }
        else if (Values.IsObject(input))
        {
            int count = Values.ObjectCount(input!);
            for (int i = 0; i < count; i++)
            {
                AddWildcardValue(results, Values.ValueAt(input!, i));
            }
        }

        return results;
    }

    private static void AddWildcardValue(JList results, object? value)
    {
        if (Values.IsArray(value))
        {
            // fn.append concatenates into a plain array: the result is no longer a sequence.
            results.IsSequence = false;
            Flatten(value, results);
        }
        else
        {
            results.Add(value);
        }
    }

    private static void Flatten(object? value, JList into, int depth = 0)
    {
        Values.CheckNesting(depth);
        if (ArrayView.TryGet(value, out var view))
        {
            for (int i = 0; i < view.Count; i++)
            {
                Flatten(view[i], into, depth + 1);
            }
        }
        else
        {
            into.Add(value);
        }
    }

    private static object? EvaluateDescendants(object? input)
    {
        if (input is null)
        {
            return null;
        }

        var results = JList.Sequence();
        RecurseDescendants(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void RecurseDescendants(object? input, JList results, int depth = 0)
    {
        Values.CheckNesting(depth);
        if (ArrayView.TryGet(input, out var view))
        {
            for (int i = 0; i < view.Count; i++)
            {
                RecurseDescendants(view[i], results, depth + 1);
            }

            return;
        }

        results.Add(input);
        if (Values.IsObject(input))
        {
            int count = Values.ObjectCount(input!);
            for (int i = 0; i < count; i++)
            {
                RecurseDescendants(Values.ValueAt(input!, i), results, depth + 1);
            }
        }
    }
}
