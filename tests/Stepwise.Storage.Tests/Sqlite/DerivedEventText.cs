using System.Buffers;
using System.Text;
using Stepwise.Storage.Executions;

namespace Stepwise.Storage.Tests.Sqlite;

/// <summary>
/// An event text <c>{"id":N,"p":&lt;part&gt;}</c> whose part (ASCII) is defined whole when <paramref name="prefixLength"/>
/// is negative, and otherwise derived from the step's last shared part: its first <paramref name="prefixLength"/> bytes
/// and last <paramref name="suffixLength"/> bytes, which the test makes the same as the part's.
/// </summary>
internal sealed class DerivedEventText(long id, string part, int prefixLength = -1, int suffixLength = 0) : IStoredEventText
{
    public string ToJson() => $$"""{"id":{{id}},"p":{{part}}}""";

    public void WriteTo(IHistoryStepWriter destination)
    {
        destination.Write(Encoding.UTF8.GetBytes($$"""{"id":{{id}},"p":"""));
        if (prefixLength < 0)
        {
            destination.BeginShared(part);
            destination.Write(Encoding.UTF8.GetBytes(part));
        }
        else
        {
            destination.BeginDerived(part, prefixLength, suffixLength);
            destination.Write(Encoding.UTF8.GetBytes(part[prefixLength..^suffixLength]));
        }

        destination.EndShared();
        destination.Write("}"u8);
    }
}
