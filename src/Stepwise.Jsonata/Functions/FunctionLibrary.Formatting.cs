using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;
using Stepwise.Jsonata.Functions.Formatting;

namespace Stepwise.Jsonata.Functions;

/// <summary>
/// Registers the formatting and date/time functions of <see cref="FormattingFunctions"/> with their signatures. Each
/// returns undefined when its first argument is undefined, before calling in.
/// </summary>
internal static partial class FunctionLibrary
{
    private static void AddFormatting(Register add)
    {
        add("formatNumber", "<n-so?:s>", 3, static (in CallContext _, object?[] args) =>
        {
            if (Num(args, 0) is not { } number)
            {
                return null;
            }

            string picture = Str(args, 1) ?? string.Empty;
            string text = Arg(args, 2) switch
            {
                JsonObject json => FormattingFunctions.FormatNumber(number, picture, json),
                JMap map => FormattingFunctions.FormatNumberWithProperties(number, picture, Properties(map)),
                _ => FormattingFunctions.FormatNumber(number, picture, null),
            };
            return Values.String(text);
        });
        add("formatBase", "<n-n?:s>", 2, static (in CallContext _, object?[] args) =>
            Num(args, 0) is { } number ? Values.String(FormattingFunctions.FormatBase(number, Num(args, 1))) : null);
        add("formatInteger", "<n-s:s>", 2, static (in CallContext _, object?[] args) =>
            Num(args, 0) is { } number ? Values.String(FormattingFunctions.FormatInteger(number, Str(args, 1) ?? string.Empty)) : null);
        add("parseInteger", "<s-s:n>", 2, static (in CallContext _, object?[] args) =>
            Str(args, 0) is { } text ? FormattingFunctions.ParseInteger(text, Str(args, 1) ?? string.Empty) : null);
        add("fromMillis", "<n-s?s?:s>", 3, static (in CallContext _, object?[] args) =>
            Num(args, 0) is { } millis ? Values.String(FormattingFunctions.FromMillis(millis, Str(args, 1), Str(args, 2))) : null);
        add("toMillis", "<s-s?:n>", 2, static (in CallContext call, object?[] args) =>
            Str(args, 0) is { } timestamp ? FormattingFunctions.ToMillis(timestamp, Str(args, 1), call.Evaluator.Now.ToUnixTimeMilliseconds()) : null);
        add("now", "<s?s?:s>", 2, static (in CallContext call, object?[] args) =>
            Values.String(FormattingFunctions.FromMillis(call.Evaluator.Now.ToUnixTimeMilliseconds(), Str(args, 0), Str(args, 1))));
    }

    private static DecimalFormatProperties Properties(JMap options)
    {
        var properties = new DecimalFormatProperties();
        for (int i = 0; i < options.Count; i++)
        {
            if (options.ValueAt(i) is JsonString value)
            {
                properties.Set(options.KeyAt(i), value.Value);
            }
        }

        return properties;
    }
}
