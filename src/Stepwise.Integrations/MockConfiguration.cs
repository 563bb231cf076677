using System.Diagnostics.CodeAnalysis;
using Stepwise.Integrations.Mocks;
using Stepwise.Json;

namespace Stepwise.Integrations;

/// <summary>
/// An AWS Step Functions Local mock configuration file:
/// <c>{"StateMachines": {sm: {"TestCases": {case: {stateName: responseName}}}}, "MockedResponses": {responseName: {"0": {"Return": ...}, "1-2": {"Throw": {"Error", "Cause"}}}}}</c>.
/// </summary>
public sealed class MockConfiguration
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> _testCases;
    private readonly Dictionary<string, MockedResponseSequence> _responses;

    private MockConfiguration(Dictionary<string, Dictionary<string, Dictionary<string, string>>> testCases, Dictionary<string, MockedResponseSequence> responses)
    {
        _testCases = testCases;
        _responses = responses;
    }

    /// <summary>Reads a mock configuration file; <see cref="FormatException"/> when it is not one.</summary>
    public static MockConfiguration Load(string path) => Parse(JsonValue.Parse(File.ReadAllText(path)));

    /// <summary>Reads a mock configuration; <see cref="FormatException"/> naming the first problem.</summary>
    public static MockConfiguration Parse(JsonValue json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = json as JsonObject ?? throw new FormatException("A mock configuration must be a JSON object.");
        var responses = new Dictionary<string, MockedResponseSequence>(StringComparer.Ordinal);
        if (root.TryGetValue("MockedResponses", out var responsesValue))
        {
            foreach (var (name, value) in responsesValue as JsonObject ?? throw new FormatException("'MockedResponses' must be an object."))
            {
                responses[name] = MockedResponseSequence.Read(name, value as JsonObject ?? throw new FormatException($"Mocked response '{name}' must be an object."));
            }
        }

        var machines = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>(StringComparer.Ordinal);
        if (root.TryGetValue("StateMachines", out var machinesValue))
        {
            foreach (var (machineName, machineValue) in machinesValue as JsonObject ?? throw new FormatException("'StateMachines' must be an object."))
            {
                var cases = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
                if (machineValue is JsonObject machine && machine.TryGetValue("TestCases", out var casesValue) && casesValue is JsonObject casesObject)
                {
                    foreach (var (caseName, caseValue) in casesObject)
                    {
                        var states = new Dictionary<string, string>(StringComparer.Ordinal);
                        foreach (var (stateName, responseName) in caseValue as JsonObject ?? throw new FormatException($"Test case '{caseName}' must be an object."))
                        {
                            string name = responseName is JsonString s ? s.Value
                                : throw new FormatException($"Test case '{caseName}': state '{stateName}' must name a mocked response.");
                            if (!responses.ContainsKey(name))
                            {
                                throw new FormatException($"Test case '{caseName}': state '{stateName}' names an unknown mocked response '{name}'.");
                            }

                            states[stateName] = name;
                        }

                        cases[caseName] = states;
                    }
                }

                machines[machineName] = cases;
            }
        }

        return new MockConfiguration(machines, responses);
    }

    /// <summary>True when the configuration defines <paramref name="testCase"/> for <paramref name="stateMachineName"/>.</summary>
    public bool HasTestCase(string stateMachineName, string testCase) =>
        _testCases.TryGetValue(stateMachineName, out var cases) && cases.ContainsKey(testCase);

    /// <summary>
    /// The response for the <paramref name="attempt"/>-th (zero-based) invocation of <paramref name="stateName"/> in
    /// <paramref name="testCase"/>; false when that state is not mocked there.
    /// </summary>
    public bool TryGetResponse(string stateMachineName, string testCase, string stateName, int attempt, [NotNullWhen(true)] out MockedResponse? response)
    {
        response = null;
        if (!_testCases.TryGetValue(stateMachineName, out var cases) || !cases.TryGetValue(testCase, out var states)
            || !states.TryGetValue(stateName, out var responseName))
        {
            return false;
        }

        response = _responses[responseName].Get(attempt);
        return true;
    }
}
