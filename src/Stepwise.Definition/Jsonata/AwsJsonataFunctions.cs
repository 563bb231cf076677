using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stepwise.Json;
using Stepwise.Jsonata;

namespace Stepwise.Definition.Jsonata;

/// <summary>
/// The JSONata environment of Step Functions: the functions AWS adds ($partition, $range, $hash, $parse, and the
/// per-execution $random and $uuid) and the ones it removes ($eval).
/// See https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html (JSONata functions provided by Step Functions).
/// </summary>
public static class AwsJsonataFunctions
{
    /// <summary>
    /// The compile options every state expression uses. $now and $millis read <see cref="EvaluationClock"/>, so an
    /// expression sees the decision's time, never the machine's.
    /// </summary>
    public static JsonataOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Binds the functions that draw from the execution's seeded random source, <c>$random([seed])</c> and
    /// <c>$uuid()</c>: the runtime is deterministic, so a replayed decision draws the same values.
    /// </summary>
    public static void BindRandom(JsonataBindings bindings, Random random)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(random);
        bindings.SetFunction("random", null, (args, _) => Random(args, random));
        bindings.SetFunction("uuid", null, (_, _) => Uuid(random));
    }

    private static JsonataOptions CreateOptions()
    {
        var options = new JsonataOptions { TimeProvider = EvaluationClock.Instance };
        options.HideFunction("eval");
        options.RegisterFunction("partition", "<an:a>", static (args, _) => Partition(args));
        options.RegisterFunction("range", "<nnn?:(an)>", static (args, _) => Range(args));
        options.RegisterFunction("hash", "<ss:s>", static (args, _) => Hash(args));
        options.RegisterFunction("parse", "<s:x>", static (args, _) => Parse(args));
        return options;
    }

    private static JsonValue? Partition(IReadOnlyList<JsonValue?> args)
    {
        if (args[0] is not JsonArray array || args[1] is not JsonNumber sizeNumber)
        {
            return null;
        }

        double size = sizeNumber.ToDouble();
        if (size <= 0 || size != Math.Floor(size))
        {
            throw new JsonataException("D3137", "The chunk size of $partition must be a positive integer");
        }

        int chunk = (int)Math.Min(size, int.MaxValue);
        var chunks = new JsonValue[(array.Count + chunk - 1) / chunk];
        for (int c = 0; c < chunks.Length; c++)
        {
            int start = c * chunk;
            var items = new JsonValue[Math.Min(chunk, array.Count - start)];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = array[start + i];
            }

            chunks[c] = JsonArray.TakeOwnership(items);
        }

        return JsonArray.TakeOwnership(chunks);
    }

    /// <summary><c>$range(start, end, step)</c>: inclusive of <c>end</c>; a one-element range is the element itself.</summary>
    private static JsonValue? Range(IReadOnlyList<JsonValue?> args)
    {
        if (args[0] is not JsonNumber startNumber || args[1] is not JsonNumber endNumber)
        {
            return null;
        }

        double start = startNumber.ToDouble(), end = endNumber.ToDouble();
        double step = args.Count > 2 && args[2] is JsonNumber stepNumber ? stepNumber.ToDouble() : (end >= start ? 1 : -1);
        if (step == 0 || double.IsNaN(step))
        {
            throw new JsonataException("D3137", "The step of $range must not be zero");
        }

        var items = new List<JsonValue>();
        for (double value = start; step > 0 ? value <= end : value >= end; value += step)
        {
            if (items.Count >= 1_000_000)
            {
                throw new JsonataException("D2014", "The size of the sequence allocated by $range exceeds the maximum allowed value of 1e6");
            }

            items.Add(JsonNumber.FromDouble(value));
        }

        return items.Count switch
        {
            0 => null,
            1 => items[0],
            _ => JsonArray.TakeOwnership(items.ToArray()),
        };
    }

    private static JsonValue? Hash(IReadOnlyList<JsonValue?> args)
    {
        if (args[0] is not JsonString data || args[1] is not JsonString algorithm)
        {
            return null;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(data.Value);
        byte[] digest = algorithm.Value switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw new JsonataException("D3137",
                $"The hash algorithm '{algorithm.Value}' is not supported: use MD5, SHA-1, SHA-256, SHA-384 or SHA-512"),
        };
        return Convert.ToHexStringLower(digest);
    }

    private static JsonValue? Parse(IReadOnlyList<JsonValue?> args)
    {
        if (args[0] is not JsonString text)
        {
            return null;
        }

        if (!JsonValue.TryParse(text.Value, out var value, out var error))
        {
            throw new JsonataException("D3137", $"The argument of $parse is not valid JSON: {error}");
        }

        // JSON.parse gives -0, which JSONata writes as 0.
        return value is JsonNumber n && n.ToDouble() == 0 && !n.IsIntegral ? JsonNumber.FromInt64(0) : Normalize(value);
    }

    private static JsonValue Normalize(JsonValue value) =>
        value is JsonNumber n && n.ToDouble() == 0 ? JsonNumber.FromInt64(0) : value;

    private static JsonValue? Random(IReadOnlyList<JsonValue?> args, Random random)
    {
        if (args.Count > 0 && args[0] is JsonNumber seed)
        {
            // A seeded draw is reproducible on its own: the same seed gives the same number.
            return new Random(unchecked((int)(long)seed.ToDouble())).NextDouble();
        }

        return random.NextDouble();
    }

    private static JsonValue Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }
}
