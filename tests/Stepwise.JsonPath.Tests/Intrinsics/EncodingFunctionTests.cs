namespace Stepwise.JsonPath.Tests.Intrinsics;

public sealed class EncodingFunctionTests
{
    [Theory] // test_encode_decode__test_base_64_encode__exec0..1
    [InlineData("", "")]
    [InlineData("Data to encode", "RGF0YSB0byBlbmNvZGU=")]
    [InlineData("Hello World", "SGVsbG8gV29ybGQ=")]
    [InlineData("é", "w6k=")]
    public void Base64Encode_encodes_the_UTF8_bytes(string text, string expected) =>
        Assert.Equal(expected, Intrinsic.Evaluate("States.Base64Encode($.s)", new Stepwise.Json.JsonObjectBuilder().Set("s", text).ToObject()).AsString());

    [Theory] // test_encode_decode__test_base_64_decode__exec0..1
    [InlineData("", "")]
    [InlineData("RGF0YSB0byBlbmNvZGU=", "Data to encode")]
    [InlineData("w6k=", "é")]
    public void Base64Decode_decodes_to_UTF8_text(string text, string expected) =>
        Assert.Equal(expected, Intrinsic.Evaluate("States.Base64Decode($.s)", new Stepwise.Json.JsonObjectBuilder().Set("s", text).ToObject()).AsString());

    [Theory] // AWS decodes sloppy input rather than failing (public AWS characterisation suites)
    [InlineData("YWJjZA", "abcd")]
    [InlineData(" YWJjZA== ", "abcd")]
    [InlineData("YW!Jj\nZA==", "abcd")]
    [InlineData("YQ==YWJj", "a")]
    [InlineData("YQ", "a")]
    [InlineData("Y", "")]
    [InlineData("_-8=", "\uFFFD\uFFFD")]
    public void Base64Decode_skips_foreign_characters_and_stops_at_padding(string text, string expected) =>
        Assert.Equal(expected, Intrinsic.Evaluate("States.Base64Decode($.s)", new Stepwise.Json.JsonObjectBuilder().Set("s", text).ToObject()).AsString());

    [Theory]
    [InlineData("States.Base64Decode(42)", "States.Base64Decode")]
    [InlineData("States.Base64Encode(null)", "States.Base64Encode")]
    public void Base64_rejects_invalid_input(string call, string function) =>
        Intrinsic.AssertInvalidArguments(call, function);

    [Fact]
    public void Base64Encode_takes_at_most_10000_characters()
    {
        Assert.Equal(13336, Intrinsic.Evaluate("States.Base64Encode($.s)", $$"""{"s":"{{new string('a', 10_000)}}"}""").AsString().Length);
        Intrinsic.AssertInvalidArguments("States.Base64Encode($.s)", "States.Base64Encode", $$"""{"s":"{{new string('a', 10_001)}}"}""");
    }

    [Theory] // test_hash_calculations__test_hash__exec0..4
    [InlineData("MD5", "812f45842bc6d66ee14572ce20db8e86")]
    [InlineData("SHA-1", "aaff4a450a104cd177d28d18d74485e8cae074b7")]
    [InlineData("SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")]
    [InlineData("SHA-384", "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562")]
    [InlineData("SHA-512", "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4")]
    public void Hash_returns_the_lowercase_hex_digest(string algorithm, string expected) =>
        Assert.Equal(expected, Intrinsic.Evaluate($"States.Hash($.d, '{algorithm}')", """{"d":"input data"}""").AsString());

    [Theory]
    [InlineData("States.Hash('x', 'sha-256')")]
    [InlineData("States.Hash('x', 'SHA256')")]
    [InlineData("States.Hash('x', 'CRC32')")]
    [InlineData("States.Hash('x', 256)")]
    public void Hash_rejects_unknown_algorithms_and_non_strings(string call) =>
        Intrinsic.AssertInvalidArguments(call, "States.Hash");

    [Theory] // AWS digests data that is not a string as its text (public AWS characterisation suites)
    [InlineData("123", "202cb962ac59075b964b07152d234b70")]
    [InlineData("{}", "99914b932bd37a50b983c5e7c90ae93b")]
    public void Hash_digests_the_text_of_data_that_is_not_a_string(string data, string expected) =>
        Assert.Equal(expected, Intrinsic.Evaluate("States.Hash($.d, 'MD5')", $$"""{"d":{{data}}}""").AsString());

    [Fact]
    public void Hash_takes_at_most_10000_characters() =>
        Intrinsic.AssertInvalidArguments("States.Hash($.s, 'MD5')", "States.Hash", $$"""{"s":"{{new string('a', 10_001)}}"}""");
}
