using Stepwise.Json;

namespace Stepwise.Cli.Tests;

/// <summary>The examples the README points to run as it says: the right path and the right output.</summary>
public sealed class ExampleTests
{
    private static string Saga(string file) => CliRunner.InRepo(Path.Combine("examples", "saga", file));

    private static string Orders(string file) => CliRunner.InRepo(Path.Combine("examples", "order-pipeline", file));

    private static IEnumerable<string> EnteredStates(JsonObject result) =>
        result["history"]!.AsArray()
            .Select(e => e.AsObject())
            .Where(e => e["type"]!.AsString().EndsWith("StateEntered", StringComparison.Ordinal))
            .Select(e => e["stateEnteredEventDetails"]!.AsObject()["name"]!.AsString());

    [Fact]
    public async Task Saga_happy_path_books_the_trip()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("run", Saga("saga.asl.json"), "--input", "@" + Saga("input.json"),
            "--mock-config", Saga("mock-config.json"), "--test-case", "HappyPath", "--fast-time", "--history");

        Assert.Equal(0, exit);
        Assert.Equal("SUCCEEDED", result["status"]!.AsString());
        Assert.Equal(
            JsonValue.Parse("""{"trip":"T-1001","status":"BOOKED","flight":"FL-7731","hotel":"HV-2044","receipt":"RC-55120"}"""),
            result["output"]);
        Assert.Equal(["ReserveFlight", "ReserveHotel", "ChargePayment", "TripBooked"], EnteredStates(result));
    }

    [Fact]
    public async Task Saga_retries_a_busy_hotel_and_books_on_the_second_attempt()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("run", Saga("saga.asl.json"), "--input", "@" + Saga("input.json"),
            "--mock-config", Saga("mock-config.json"), "--test-case", "HotelBusyThenReserved", "--fast-time", "--history");

        Assert.Equal(0, exit);
        Assert.Equal("HV-2045", result["output"]!.AsObject()["hotel"]!.AsString());
        var history = result["history"]!.AsArray().Select(e => e.AsObject()["type"]!.AsString()).ToList();
        Assert.Equal(1, history.Count(t => t == "TaskFailed"));
    }

    [Fact]
    public async Task Saga_compensates_in_reverse_order_when_the_payment_is_declined()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("run", Saga("saga.asl.json"), "--input", "@" + Saga("input.json"),
            "--mock-config", Saga("mock-config.json"), "--test-case", "PaymentDeclined", "--fast-time", "--history");

        Assert.Equal(1, exit);
        Assert.Equal("FAILED", result["status"]!.AsString());
        Assert.Equal("PaymentDeclined", result["error"]!.AsString());
        Assert.Equal("The card issuer declined the charge.", result["cause"]!.AsString());
        Assert.Equal(["ReserveFlight", "ReserveHotel", "ChargePayment", "CancelHotel", "CancelFlight", "TripFailed"], EnteredStates(result));
    }

    [Fact]
    public async Task Order_pipeline_fulfils_a_standard_order_through_Parallel_and_Map()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("run", Orders("order-pipeline.asl.json"), "--input", "@" + Orders("input.json"),
            "--mock-config", Orders("mock-config.json"), "--test-case", "Standard", "--history");

        Assert.Equal(0, exit);
        Assert.Equal(
            JsonValue.Parse("""
                {"orderId":"A-1001","status":"CONFIRMED","summary":"Order A-1001 for Ada: 3 lines",
                 "reservedSkus":["BOOK-1","PEN-4","MUG-2"],"receipt":"RC-9001","confirmation":"A-1001-RC-9001"}
                """),
            result["output"]);
        var entered = EnteredStates(result).ToList();
        Assert.DoesNotContain("ManualReview", entered);
        Assert.DoesNotContain("ApplyGoldDiscount", entered);
        Assert.Equal(3, entered.Count(s => s == "ReserveStock"));
    }

    [Fact]
    public async Task Order_pipeline_gives_gold_customers_the_discount_first()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("run", Orders("order-pipeline.asl.json"), "--input", "@" + Orders("input-gold.json"),
            "--mock-config", Orders("mock-config.json"), "--test-case", "Standard", "--history");

        Assert.Equal(0, exit);
        Assert.Contains("ApplyGoldDiscount", EnteredStates(result));
    }

    [Fact]
    public async Task Order_pipeline_retries_a_throttled_charge()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("run", Orders("order-pipeline.asl.json"), "--input", "@" + Orders("input.json"),
            "--mock-config", Orders("mock-config.json"), "--test-case", "Throttled", "--fast-time", "--history");

        Assert.Equal(0, exit);
        Assert.Equal("RC-9002", result["output"]!.AsObject()["receipt"]!.AsString());
    }

    [Fact]
    public async Task Order_pipeline_fails_a_large_order_that_review_rejects()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("run", Orders("order-pipeline.asl.json"), "--input", "@" + Orders("input-large.json"),
            "--mock-config", Orders("mock-config.json"), "--test-case", "ReviewRejects", "--history");

        Assert.Equal(1, exit);
        Assert.Equal("OrderRejected", result["error"]!.AsString());
        Assert.Equal(["PrepareOrder", "RouteByValue", "ManualReview", "ReviewDecision", "Rejected"], EnteredStates(result));
    }
}
