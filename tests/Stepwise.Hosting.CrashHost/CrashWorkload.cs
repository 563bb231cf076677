using Stepwise.Integrations;
using Stepwise.Json;

namespace Stepwise.Hosting.CrashHost;

/// <summary>
/// The workload of the crash test, shared by the host and the test (which computes the expected outputs with the
/// in-memory engine): waits, a retried task, a Parallel state and a Map with concurrency, all with short real waits.
/// </summary>
public static class CrashWorkload
{
    /// <summary>The state machine's name.</summary>
    public const string Name = "crash";

    /// <summary>The definition.</summary>
    public const string Definition = """
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Pass","Parameters":{"i.$":"$.i","items.$":"States.ArrayRange(1, 4, 1)"},"Next":"Nap"},
          "Nap":{"Type":"Wait","Seconds":1,"Next":"Flaky"},
          "Flaky":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"flaky","Payload.$":"$"},
                   "ResultSelector":{"i.$":"$.Payload.i","items.$":"$.Payload.items"},
                   "Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":1,"MaxAttempts":3}],"Next":"Both"},
          "Both":{"Type":"Parallel","ResultPath":"$.both","Next":"Each","Branches":[
            {"StartAt":"Twice","States":{"Twice":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"double","Payload":{"v.$":"$.i"}},"OutputPath":"$.Payload","End":true}}},
            {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":1,"Next":"Mark"},"Mark":{"Type":"Pass","Result":"paused","End":true}}}]},
          "Each":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ResultPath":"$.each",
            "ItemSelector":{"v.$":"States.MathAdd($$.Map.Item.Value, $.i)"},
            "ItemProcessor":{"StartAt":"Times","States":{"Times":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"double","Payload.$":"$"},"OutputPath":"$.Payload.v","End":true}}},"Next":"Done"},
          "Done":{"Type":"Pass","Parameters":{"i.$":"$.i","both.$":"$.both","each.$":"$.each"},"End":true}}}
        """;

    /// <summary>The input of execution <paramref name="i"/>.</summary>
    public static JsonValue Input(int i) => JsonObject.Create(("i", i));

    /// <summary>Registers the handlers: <c>double</c> doubles <c>v</c>; <c>flaky</c> fails on a state's first attempt.</summary>
    public static void Register(Action<string, TaskHandler> registerLambda)
    {
        ArgumentNullException.ThrowIfNull(registerLambda);
        registerLambda("double", static async (request, cancellationToken) =>
        {
            // A little latency, so kills land while tasks run too.
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            var v = request.Input.AsObject()["v"]!.AsNumber().ToDouble();
            return JsonObject.Create(("v", JsonNumber.FromDouble(v * 2)));
        });
        registerLambda("flaky", static (request, cancellationToken) =>
        {
            var retry = request.Context.AsObject()["State"]!.AsObject()["RetryCount"]!.AsNumber().ToDouble();
            return retry < 1
                ? throw new TaskFailedException("Flaky", "fails on the first attempt")
                : ValueTask.FromResult(request.Input);
        });
    }
}
