using Stepwise.Definition.Validation;
using Stepwise.Json;

namespace Stepwise.Definition.Tests.Validation;

/// <summary>The validator reports, it never throws: every value of a rich definition is swapped for every JSON kind.</summary>
public sealed class RobustnessTests
{
    private const string Rich = """
        {"Comment":"c","StartAt":"T","TimeoutSeconds":60,"States":{
          "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","a.$":"$.a"},
               "TimeoutSeconds":10,"HeartbeatSeconds":5,"Credentials":{"RoleArn":"r"},
               "Retry":[{"ErrorEquals":["States.Timeout"],"MaxAttempts":2,"BackoffRate":2.0,"JitterStrategy":"FULL"}],
               "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.e","Next":"F"}],"ResultSelector":{"p.$":"$.Payload"},"Next":"C"},
          "C":{"Type":"Choice","Choices":[{"And":[{"Variable":"$.a","NumericGreaterThan":1},{"Not":{"Variable":"$.b","IsNull":true}}],"Next":"W"}],"Default":"P"},
          "W":{"Type":"Wait","Timestamp":"2024-01-01T00:00:00Z","Next":"P"},
          "P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Result":1,"End":true}}}],"Next":"M"},
          "M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"b","Key":"k"}},
               "ItemBatcher":{"MaxItemsPerBatch":2},"ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"b"}},
               "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"End":true},
          "F":{"Type":"Fail","ErrorPath":"$.e.Error","CausePath":"$.e.Cause"}}}
        """;

    private static readonly JsonValue[] s_replacements =
    [
        JsonValue.Null, JsonValue.True, JsonNumber.FromInt64(-1), JsonNumber.FromDouble(0.5), new JsonString("x"),
        new JsonString("$"), JsonArray.Empty, JsonArray.Create(JsonValue.Null), JsonObject.Empty,
    ];

    [Fact]
    public void Replacing_any_value_with_any_kind_of_JSON_yields_diagnostics_not_exceptions()
    {
        var definition = JsonValue.Parse(Rich);
        Assert.True(DefinitionValidator.Validate(definition).IsValid, string.Join("; ", DefinitionValidator.Validate(definition).Diagnostics));
        int variants = 0;
        foreach (var mutated in Mutations(definition))
        {
            var exception = Record.Exception(() => DefinitionValidator.Validate(mutated, ValidationOptions.Express));
            Assert.True(exception is null, $"{exception} for {mutated.ToJsonString()}");
            variants++;
        }

        Assert.True(variants > 500, $"only {variants} variants");
    }

    private static IEnumerable<JsonValue> Mutations(JsonValue value)
    {
        foreach (var replacement in s_replacements)
        {
            yield return replacement;
        }

        switch (value)
        {
            case JsonObject obj:
                for (int i = 0; i < obj.Count; i++)
                {
                    var (key, item) = obj[i];
                    foreach (var mutated in Mutations(item))
                    {
                        yield return obj.With(key, mutated);
                    }

                    yield return obj.Without(key);
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    foreach (var mutated in Mutations(array[i]))
                    {
                        var items = array.AsSpan().ToArray();
                        items[i] = mutated;
                        yield return JsonArray.TakeOwnership(items);
                    }
                }

                break;
        }
    }
}
