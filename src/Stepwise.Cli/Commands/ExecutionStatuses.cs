using System.Net.Http.Headers;
using System.Text;
using Stepwise.Definition.Diagrams;
using Stepwise.Json;

namespace Stepwise.Cli.Commands;

/// <summary>
/// What happened to each state of an execution, read over the public API (DescribeExecution, GetExecutionHistory) as
/// the console reads it: each event belongs to the state its previousEventId chain leads back to.
/// </summary>
internal static class ExecutionStatuses
{
    /// <summary>An API call that failed: the message names the action and AWS's exception.</summary>
    internal sealed class ApiCallException(string message) : Exception(message);

    public static async Task<IReadOnlyDictionary<string, StateRunStatus>> ReadAsync(Uri endpoint, string executionArn, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        var request = JsonObject.Create(("executionArn", new JsonString(executionArn)));
        string status = (await CallAsync(http, "DescribeExecution", request, cancellationToken).ConfigureAwait(false))["status"]?.AsString() ?? "RUNNING";
        var events = new List<JsonObject>();
        string? nextToken = null;
        do
        {
            var page = request.With("maxResults", 1000L).With("includeExecutionData", JsonValue.False);
            if (nextToken is not null)
            {
                page = page.With("nextToken", new JsonString(nextToken));
            }

            var response = await CallAsync(http, "GetExecutionHistory", page, cancellationToken).ConfigureAwait(false);
            foreach (var e in response["events"]?.AsArray() ?? JsonArray.Empty)
            {
                events.Add(e.AsObject());
            }

            nextToken = response["nextToken"] is { IsString: true } token ? token.AsString() : null;
        }
        while (nextToken is not null);
        return FromHistory(events, status);
    }

    /// <summary>The status of every state the history names, the most telling one when a state ran more than once.</summary>
    public static Dictionary<string, StateRunStatus> FromHistory(IReadOnlyList<JsonObject> events, string executionStatus)
    {
        var owner = new Dictionary<long, string>();
        var types = new Dictionary<long, string>();
        var previous = new Dictionary<long, long>();
        var visits = new Dictionary<string, StateRunStatus>();
        var failing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            long id = (long)e["id"]!.AsNumber().ToDouble();
            long prev = e["previousEventId"] is { IsNumber: true } p ? (long)p.AsNumber().ToDouble() : 0;
            string type = e["type"]!.AsString();
            types[id] = type;
            previous[id] = prev;
            var details = Details(e);
            string? name = details?["name"] is { IsString: true } n ? n.AsString() : null;
            string? state = owner.GetValueOrDefault(prev);
            if (type.EndsWith("StateEntered", StringComparison.Ordinal) && name is not null)
            {
                state = name;
                Combine(visits, name, StateRunStatus.Running);
                if (type == "FailStateEntered")
                {
                    failing.Add(name);
                }
            }
            else if (type.EndsWith("StateExited", StringComparison.Ordinal) && name is not null)
            {
                state = name;
                Combine(visits, name, failing.Remove(name) ? StateRunStatus.Caught : StateRunStatus.Succeeded, replaceRunning: true);
            }
            else if (StateTypeOf(type) is { } stateType)
            {
                // A Parallel's or Map's own events follow its children's: walk back to the state itself.
                for (long at = prev; at != 0; at = previous.GetValueOrDefault(at))
                {
                    if (types.GetValueOrDefault(at) == stateType + "StateEntered")
                    {
                        state = owner.GetValueOrDefault(at);
                        break;
                    }
                }

                // MapStateFailed and ParallelStateFailed carry no error (the execution's failure does): the state still failed.
                if (state is not null && type.EndsWith("Failed", StringComparison.Ordinal))
                {
                    failing.Add(state);
                }
            }
            else if (type.EndsWith("Scheduled", StringComparison.Ordinal) && state is not null)
            {
                failing.Remove(state);
            }

            if (state is not null && details?["error"] is { IsString: true })
            {
                failing.Add(state);
            }

            if (state is not null)
            {
                owner[id] = state;
            }
        }

        foreach (var (name, status) in visits)
        {
            if (status == StateRunStatus.Running && executionStatus != "RUNNING")
            {
                visits[name] = failing.Contains(name) ? StateRunStatus.Failed : executionStatus == "SUCCEEDED" ? StateRunStatus.Succeeded : StateRunStatus.Aborted;
            }
        }

        return visits;
    }

    /// <summary><c>MapStateFailed</c> → <c>Map</c>; null for events that are not a state's own.</summary>
    private static string? StateTypeOf(string type)
    {
        int at = type.IndexOf("State", StringComparison.Ordinal);
        return at > 0 && type.AsSpan(at + 5) is "Started" or "Succeeded" or "Failed" or "Aborted" ? type[..at] : null;
    }

    private static JsonObject? Details(JsonObject e)
    {
        foreach (var (key, value) in e)
        {
            if (key.EndsWith("EventDetails", StringComparison.Ordinal) && value is JsonObject details)
            {
                return details;
            }
        }

        return null;
    }

    private static readonly StateRunStatus[] s_priority =
        [StateRunStatus.Failed, StateRunStatus.Running, StateRunStatus.Caught, StateRunStatus.Aborted, StateRunStatus.Succeeded, StateRunStatus.NotReached];

    /// <summary>Keeps the most telling status of a state's visits; an exit replaces the running status its entry set.</summary>
    private static void Combine(Dictionary<string, StateRunStatus> visits, string name, StateRunStatus status, bool replaceRunning = false)
    {
        if (!visits.TryGetValue(name, out var current) || (replaceRunning && current == StateRunStatus.Running)
            || Array.IndexOf(s_priority, status) < Array.IndexOf(s_priority, current))
        {
            visits[name] = status;
        }
    }

    private static async Task<JsonObject> CallAsync(HttpClient http, string action, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions." + action);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ApiCallException($"{action}: the endpoint did not answer ({e.Message}).");
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonObject? json = null;
            try
            {
                json = JsonValue.Parse(text) as JsonObject;
            }
            catch (JsonParseException)
            {
            }

            if (!response.IsSuccessStatusCode || json is null)
            {
                string type = json?["__type"] is { IsString: true } t ? t.AsString().Split('#')[^1] : $"HTTP {(int)response.StatusCode}";
                string message = json?["message"] is { IsString: true } m ? m.AsString() : text;
                throw new ApiCallException($"{action}: {type}: {message}");
            }

            return json;
        }
    }
}
