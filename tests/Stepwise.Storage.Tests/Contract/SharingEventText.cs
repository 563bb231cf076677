using System.Buffers;
using System.Text;
using Stepwise.Storage.Executions;

namespace Stepwise.Storage.Tests.Contract;

/// <summary>
/// An event text as the dispatcher gives it: <c>{"id":N,"a":&lt;payload&gt;,"b":&lt;payload&gt;}</c>, each payload written
/// as a shared part keyed by its string instance, so events of a step that carry the same instance share it.
/// </summary>
internal sealed class SharingEventText(long id, string payload, string other) : IStoredEventText
{
    /// <summary>How often <see cref="ToJson"/> ran (a store that writes UTF-8 should never need it).</summary>
    public int StringWrites { get; private set; }

    public string ToJson()
    {
        StringWrites++;
        return $$"""{"id":{{id}},"a":"{{payload}}","b":"{{other}}","c":"{{payload}}"}""";
    }

    public void WriteTo(IHistoryStepWriter destination)
    {
        destination.Write(Encoding.UTF8.GetBytes($$"""{"id":{{id}},"a":"""));
        Shared(payload, destination);
        destination.Write(""","b":"""u8);
        Shared(other, destination);
        destination.Write(""","c":"""u8);
        Shared(payload, destination);
        destination.Write("}"u8);
    }

    private static void Shared(string text, IHistoryStepWriter destination)
    {
        if (!destination.TryWriteShared(text))
        {
            destination.BeginShared(text);
            destination.Write(Encoding.UTF8.GetBytes("\"" + text + "\""));
            destination.EndShared();
        }
    }
}
