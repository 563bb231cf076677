namespace Stepwise.Jsonata.Functions;

/// <summary>
/// A built-in with some arguments bound (<c>$substring(?, 0, 2)</c>): calling it fills the placeholders in order.
/// </summary>
internal sealed class PartialFunction(JsonataFunction target, object?[] bound, bool[] placeholders) : JsonataFunction
{
    public JsonataFunction Target { get; } = target;

    public object?[] Bound { get; } = bound;

    public bool[] Placeholders { get; } = placeholders;

    public override int Arity
    {
        get
        {
            int n = 0;
            foreach (bool p in Placeholders)
            {
                n += p ? 1 : 0;
            }

            return n;
        }
    }

    public object?[] Fill(object?[] args)
    {
        var all = new object?[Bound.Length];
        int next = 0;
        for (int i = 0; i < Bound.Length; i++)
        {
            all[i] = Placeholders[i] ? (next < args.Length ? args[next++] : null) : Bound[i];
        }

        return all;
    }
}
