using System.Net.Http.Headers;
using Stepwise.Integrations.Aws;
using Stepwise.Integrations.Configuration;

namespace Stepwise.Integrations.Tests.Aws;

public sealed class SigV4SignerTests
{
    [Fact]
    public void The_signature_of_AWSs_documented_IAM_ListUsers_example_matches()
    {
        // The worked example of AWS's General Reference ("Signature Version 4 signing process").
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08");
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");

        SigV4Signer.Sign(request, [], "iam", "us-east-1", new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            string.Join(',', request.Headers.GetValues("Authorization")));
        Assert.Equal("20150830T123600Z", string.Join(',', request.Headers.GetValues("X-Amz-Date")));
    }

    [Fact]
    public void A_session_token_is_sent_and_signed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:5000/");

        SigV4Signer.Sign(request, [], "dynamodb", "us-east-1", new AwsCredentials("AK", "SK", "TOKEN"), DateTimeOffset.UnixEpoch);

        Assert.Equal("TOKEN", string.Join(',', request.Headers.GetValues("X-Amz-Security-Token")));
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", string.Join(',', request.Headers.GetValues("Authorization")), StringComparison.Ordinal);
    }
}
