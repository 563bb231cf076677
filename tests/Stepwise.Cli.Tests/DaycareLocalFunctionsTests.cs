using Stepwise.Json;

namespace Stepwise.Cli.Tests;

/// <summary>examples/daycare with its Lambda functions served by the local Python commands its stepwise.json names.</summary>
public sealed class DaycareLocalFunctionsTests
{
    private static string Daycare(string file) => CliRunner.InRepo(Path.Combine("examples", "daycare", file));

    private static Task<(int Exit, JsonObject Result)> RunAsync(string input) =>
        CliRunner.RunJsonAsync("run", Daycare("daycare.asl.json"), "--input", input, "--config", Daycare("stepwise.json"));

    [Fact]
    public async Task A_toddler_is_registered_with_the_seat_and_id_the_commands_return()
    {
        var (exit, result) = await RunAsync("@" + Daycare("input.json"));

        Assert.Equal(0, exit);
        Assert.Equal(
            JsonValue.Parse("""{"status":"REGISTERED","child":"Mia Okafor","classroom":"Toddlers","seat":"T-07","registrationId":"DC-T07-3","monthlyFee":780}"""),
            result["output"]);
    }

    [Fact]
    public async Task A_preschooler_is_waitlisted_because_the_find_seat_command_has_no_seat_left()
    {
        var (exit, result) = await RunAsync("""{"child":{"firstName":"Noah","lastName":"Berg","ageYears":4},"days":["Mon"]}""");

        Assert.Equal(0, exit);
        Assert.Equal(
            JsonValue.Parse("""{"status":"WAITLISTED","child":"Noah Berg","classroom":"Preschool","reason":"No seat left in Preschool"}"""),
            result["output"]);
    }
}
