using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>Adapts a <see cref="JsonataFunctionHandler"/> to the engine's function model.</summary>
internal static class HostFunction
{
    public static NativeFunction Create(string name, string? signature, JsonataFunctionHandler handler)
    {
        var parsed = signature is null ? null : Signature.Parse(signature);
        return new NativeFunction(name, parsed, parsed?.ParameterCount ?? 1, (in CallContext call, object?[] args) =>
        {
            var json = new JsonValue?[args.Length];
            for (int i = 0; i < args.Length; i++)
            {
                json[i] = Values.ToJson(args[i]);
            }

            return handler(json, new JsonataFunctionContext(Values.ToJson(call.Input), call.Evaluator.Now));
        });
    }
}
