namespace Stepwise.JsonPath;

/// <summary>The document an <see cref="AslPath"/> starts from.</summary>
public enum PathRoot
{
    /// <summary><c>$</c>: the state's effective input.</summary>
    Input,

    /// <summary><c>$$</c>: the context object.</summary>
    Context,

    /// <summary><c>$name</c>: a variable.</summary>
    Variable,
}
