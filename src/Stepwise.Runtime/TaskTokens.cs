using System.Security.Cryptography;
using System.Text;

namespace Stepwise.Runtime;

/// <summary>
/// The task tokens the interpreter issues (<c>$$.Task.Token</c> of <c>.waitForTaskToken</c> tasks, and activity tasks'
/// tokens): 48 bytes from the execution's seeded random source, in base64, so a redone step issues the same token.
/// The first 32 bytes are mixed with a hash of the execution ARN: executions that share a seed (a host's fixed
/// <c>RandomSeed</c>) and reach a task at the same event still get different tokens.
/// </summary>
public static class TaskTokens
{
    private const int TokenBytes = 48;

    /// <summary>A new token of the execution <paramref name="executionArn"/>, drawn from <paramref name="random"/>.</summary>
    public static string New(Random random, string executionArn)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(executionArn);
        Span<byte> bytes = stackalloc byte[TokenBytes];
        random.NextBytes(bytes);
        Span<byte> identity = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(executionArn), identity);
        for (int i = 0; i < identity.Length; i++)
        {
            bytes[i] ^= identity[i];
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>
    /// True when <paramref name="token"/> has the shape of an issued token; a token that does not could never have been
    /// issued (AWS answers such a token with <c>InvalidToken</c>, a well-formed unknown one with <c>TaskDoesNotExist</c>).
    /// </summary>
    public static bool IsWellFormed(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<byte> bytes = stackalloc byte[TokenBytes + 3];
        return Convert.TryFromBase64String(token, bytes, out int written) && written == TokenBytes;
    }
}
