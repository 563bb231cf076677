using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>
/// The body of a built-in function: validated arguments in, a value (null = undefined) out. <paramref name="call"/>
/// gives access to the evaluator (to call function arguments back), the input and the calling frame.
/// </summary>
internal delegate object? NativeImplementation(in CallContext call, object?[] args);
