namespace Stepwise.Storage.Paging;

/// <summary>A page token that no listing wrote (AWS answers <c>InvalidToken</c>).</summary>
public sealed class InvalidPageTokenException : StorageException
{
    /// <summary>Creates the exception for <paramref name="token"/>.</summary>
    public InvalidPageTokenException(string token)
        : base($"Invalid Token: '{token}'")
    {
        Token = token;
    }

    /// <summary>The rejected token.</summary>
    public string Token { get; }
}
