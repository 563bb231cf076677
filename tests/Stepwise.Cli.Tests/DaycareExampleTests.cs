using Stepwise.Json;

namespace Stepwise.Cli.Tests;

/// <summary>The JSONata daycare example runs as its README says.</summary>
public sealed class DaycareExampleTests
{
    private static string Daycare(string file) => CliRunner.InRepo(Path.Combine("examples", "daycare", file));

    private static Task<(int Exit, JsonObject Result)> RunAsync(string testCase, string input = "input.json") =>
        CliRunner.RunJsonAsync("run", Daycare("daycare.asl.json"), "--input", "@" + Daycare(input),
            "--mock-config", Daycare("mock-config.json"), "--test-case", testCase, "--fast-time", "--history");

    private static List<string> EnteredStates(JsonObject result) =>
        result["history"]!.AsArray()
            .Select(e => e.AsObject())
            .Where(e => e["type"]!.AsString().EndsWith("StateEntered", StringComparison.Ordinal))
            .Select(e => e["stateEnteredEventDetails"]!.AsObject()["name"]!.AsString())
            .ToList();

    [Fact]
    public async Task A_free_seat_registers_the_child_with_the_fee_computed_from_the_variables()
    {
        var (exit, result) = await RunAsync("Registered");

        Assert.Equal(0, exit);
        Assert.Equal(
            JsonValue.Parse("""{"status":"REGISTERED","child":"Mia Okafor","classroom":"Toddlers","seat":"T-07","registrationId":"DC-2041","monthlyFee":780}"""),
            result["output"]);
        Assert.Equal(["ReadApplication", "CheckAge", "FindSeat", "SeatFound", "Register"], EnteredStates(result));
    }

    [Fact]
    public async Task A_busy_roster_is_retried_until_a_seat_is_found()
    {
        var (exit, result) = await RunAsync("RosterBusyThenRegistered");

        Assert.Equal(0, exit);
        Assert.Equal("T-09", result["output"]!.AsObject()["seat"]!.AsString());
        Assert.Equal(2, result["history"]!.AsArray().Count(e => e.AsObject()["type"]!.AsString() == "TaskFailed"));
    }

    [Fact]
    public async Task No_seat_left_waitlists_through_the_Choice_Default_Output()
    {
        var (exit, result) = await RunAsync("NoSeat");

        Assert.Equal(0, exit);
        Assert.Equal(
            JsonValue.Parse("""{"status":"WAITLISTED","child":"Mia Okafor","classroom":"Toddlers","reason":"No seat left in Toddlers"}"""),
            result["output"]);
    }

    [Fact]
    public async Task A_roster_that_stays_busy_is_caught_and_waitlisted_with_the_error_cause()
    {
        var (exit, result) = await RunAsync("RosterDown");

        Assert.Equal(0, exit);
        Assert.Equal("The roster is being edited; try again.", result["output"]!.AsObject()["reason"]!.AsString());
        Assert.Equal(["ReadApplication", "CheckAge", "FindSeat", "Waitlist"], EnteredStates(result));
    }

    [Fact]
    public async Task A_child_under_one_fails_with_a_computed_cause()
    {
        var (exit, result) = await RunAsync("Registered", "input-infant.json");

        Assert.Equal(1, exit);
        Assert.Equal("ChildTooYoung", result["error"]!.AsString());
        Assert.Equal("Leo Brandt is 0 years old; the daycare takes children from 1 year.", result["cause"]!.AsString());
    }
}
