using System.Collections.Concurrent;
using System.Text;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Stepwise.Conformance;

/// <summary>
/// Counts passes per group while a suite's theory runs and, when the suite ends, prints the table through xUnit's
/// diagnostic messages and writes it to <c>artifacts/conformance/&lt;suite&gt;.txt</c> for the test script to show.
/// Derive one fixture per suite, naming it.
/// </summary>
public abstract class ConformanceTally(string suite, IMessageSink sink) : IDisposable
{
    private readonly ConcurrentDictionary<string, (int Passed, int Total)> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);

    public void Record(string group, bool passed) =>
        _groups.AddOrUpdate(group, _ => (passed ? 1 : 0, 1), (_, t) => (t.Passed + (passed ? 1 : 0), t.Total + 1));

    /// <summary>Records one case; a failure's text goes to <c>&lt;suite&gt;.failures.json</c>, to help pin or fix it.</summary>
    public void Record(string group, string caseId, string? failure)
    {
        Record(group, failure is null);
        if (failure is not null)
        {
            _failures[caseId] = failure;
        }
    }

    public void Dispose()
    {
        if (_groups.IsEmpty)
        {
            return;
        }

        var text = new StringBuilder();
        int passed = 0, total = 0;
        foreach (var (group, counts) in _groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {group,-40} {counts.Passed,5} / {counts.Total,-5}\n");
            passed += counts.Passed;
            total += counts.Total;
        }

        text.Insert(0, $"{suite}: {passed} of {total} cases pass\n");
        Directory.CreateDirectory(RepositoryPaths.Reports);
        File.WriteAllText(Path.Combine(RepositoryPaths.Reports, suite + ".txt"), text.ToString());
        var failures = new Stepwise.Json.JsonObjectBuilder();
        foreach (var (id, failure) in _failures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            failures.Set(id, failure);
        }

        File.WriteAllText(Path.Combine(RepositoryPaths.Reports, suite + ".failures.json"), failures.ToObject().ToIndentedJsonString());
        sink.OnMessage(new DiagnosticMessage(text.ToString()));
        GC.SuppressFinalize(this);
    }
}
