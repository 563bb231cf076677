using Stepwise.Json;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary>
/// examples/saga on real integrations: <c>stepwise run saga-dynamodb.asl.json</c> against moto, as its README walks
/// through it. Reservations are DynamoDB items; a payment the wallet cannot cover triggers the compensations, which
/// delete them again in reverse order.
/// </summary>
public sealed class SagaDynamoDbExampleTests : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoServer _moto;
    private readonly string _config = Path.Combine(Path.GetTempPath(), "stepwise-saga-" + Guid.NewGuid().ToString("N") + ".json");

    public SagaDynamoDbExampleTests(MotoServer moto)
    {
        _moto = moto;
        // The example's stepwise.json names moto on port 5000; the test's moto listens where it could.
        File.WriteAllText(_config, $$$"""{"endpoints": {"dynamodb": "{{{moto.Endpoint}}}"}}""");
    }

    public void Dispose() => File.Delete(_config);

    private static string Saga(string file) => CliRunner.InRepo(Path.Combine("examples", "saga", file));

    private async Task CreateTablesAsync()
    {
        foreach (var (table, key) in new[] { ("Reservations", "id"), ("Wallets", "owner") })
        {
            try
            {
                await _moto.CallJsonAsync("dynamodb", "DynamoDB_20120810.CreateTable", $$"""
                    {"TableName": "{{table}}", "KeySchema": [{"AttributeName": "{{key}}", "KeyType": "HASH"}],
                     "AttributeDefinitions": [{"AttributeName": "{{key}}", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}
                    """);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("ResourceInUseException", StringComparison.Ordinal))
            {
                // The other test of this class made it already.
            }
        }
    }

    private async Task<JsonObject> RunAsync(string trip, string wallet, string balance)
    {
        await CreateTablesAsync();
        await _moto.CallJsonAsync("dynamodb", "DynamoDB_20120810.PutItem",
            "{\"TableName\": \"Wallets\", \"Item\": {\"owner\": {\"S\": \"" + wallet + "\"}, \"balance\": {\"N\": \"" + balance + "\"}}}");
        var input = JsonValue.Parse(await File.ReadAllTextAsync(Saga("input-dynamodb.json"))).AsObject()
            .With("trip", trip).With("wallet", wallet);
        var (_, result) = await CliRunner.RunJsonAsync("run", Saga("saga-dynamodb.asl.json"), "--input", input.ToJsonString(), "--config", _config, "--history");
        return result;
    }

    private async Task<List<string>> ReservationsAsync(string trip)
    {
        var scan = JsonValue.Parse(await _moto.CallJsonAsync("dynamodb", "DynamoDB_20120810.Scan", """{"TableName": "Reservations"}""")).AsObject();
        return [.. scan["Items"]!.AsArray().Select(i => i.AsObject()["id"]!.AsObject()["S"]!.AsString()).Where(id => id.StartsWith(trip + "#", StringComparison.Ordinal)).Order()];
    }

    private static List<string> TaskStates(JsonObject result) =>
        [.. result["history"]!.AsArray().Select(e => e.AsObject())
            .Where(e => e["type"]!.AsString() == "TaskStateEntered")
            .Select(e => e["stateEnteredEventDetails"]!.AsObject()["name"]!.AsString())];

    [Fact]
    public async Task A_covered_payment_books_the_trip_and_keeps_both_reservations()
    {
        var result = await RunAsync("T-2001", "ada", "2000");

        Assert.Equal("SUCCEEDED", result["status"]!.AsString());
        Assert.Equal("""{"trip":"T-2001","status":"BOOKED","walletBalance":"750.5"}""", result["output"]!.ToJsonString());
        Assert.Equal(["T-2001#flight", "T-2001#hotel"], await ReservationsAsync("T-2001"));
    }

    [Fact]
    public async Task A_declined_payment_cancels_the_hotel_then_the_flight_and_leaves_no_reservation()
    {
        var result = await RunAsync("T-2002", "bob", "100");

        Assert.Equal("FAILED", result["status"]!.AsString());
        Assert.Equal("DynamoDB.ConditionalCheckFailedException", result["error"]!.AsString());
        Assert.Equal(["ReserveFlight", "ReserveHotel", "ChargePayment", "CancelHotel", "CancelFlight"], TaskStates(result));
        Assert.Empty(await ReservationsAsync("T-2002"));
    }
}
