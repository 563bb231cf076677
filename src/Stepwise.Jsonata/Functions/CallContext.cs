using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>What a built-in sees of its call: the evaluator, the context value and the calling frame.</summary>
internal readonly record struct CallContext(Evaluator Evaluator, object? Input, Frame Environment);
