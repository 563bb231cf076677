using System.Diagnostics;
using System.Globalization;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;

namespace Stepwise.Integrations.Lambda;

/// <summary>
/// A function served by a local command, so Python, Node or .NET handlers run without Docker: one process per
/// invocation, the event as JSON on its stdin, the result as JSON on its stdout. A Lambda error object on stdout
/// (<c>{"errorType", "errorMessage", "stackTrace"}</c>) or a non-zero exit is a function error; the task's timeout
/// or a stop kills the process tree.
/// </summary>
internal sealed class CommandLambdaBackend(LambdaFunctionConfiguration function) : LambdaBackend
{
    private readonly IReadOnlyList<string> _command = function.Command ?? throw new ArgumentException("A command backend needs a command.", nameof(function));

    public override async ValueTask<JsonValue> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = function.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        for (int i = 1; i < _command.Count; i++)
        {
            start.ArgumentList.Add(_command[i]);
        }

        foreach (var (name, value) in function.Environment)
        {
            start.Environment[name] = value;
        }

        // What the Lambda runtime tells a function about itself.
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = invocation.FunctionName;
        start.Environment["AWS_LAMBDA_REQUEST_ID"] = invocation.RequestId;

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TaskFailedException("Lambda.SdkClientException",
                $"The command of the function '{invocation.FunctionName}' could not start: {_command[0]}: {e.Message}");
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.StandardInput.WriteAsync(invocation.Payload.ToJsonString().AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command exited without reading its event; its exit code and output still tell what happened.
        }

        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string output = (await stdout.ConfigureAwait(false)).Trim();
        string errors = await stderr.ConfigureAwait(false);
        JsonValue? result = null;
        if (output.Length > 0 && !JsonValue.TryParse(output, out result, out _))
        {
            result = null;
        }

        if (result is JsonObject error && IsErrorObject(error))
        {
            throw new LambdaFunctionException(
                error["errorType"] is JsonString type ? type.Value : "Unhandled",
                error["errorMessage"] is JsonString message ? message.Value : string.Empty,
                LambdaResponses.StackTrace(error["stackTrace"]));
        }

        if (process.ExitCode != 0)
        {
            // As the Lambda runtime reports a crashed function; the command's stderr stands in for its log.
            throw new LambdaFunctionException("Runtime.ExitError",
                $"RequestId: {invocation.RequestId} Error: Runtime exited with error: exit status {process.ExitCode.ToString(CultureInfo.InvariantCulture)}",
                Lines(errors));
        }

        if (output.Length == 0)
        {
            return JsonValue.Null;
        }

        return result ?? throw new LambdaFunctionException("Runtime.MarshalError",
            $"Unable to marshal response: the command's stdout is not JSON: {Truncate(output)}", Lines(errors));
    }

    /// <summary>Lambda's error shape: errorType and/or errorMessage, with nothing but a stack trace or request id beside them.</summary>
    private static bool IsErrorObject(JsonObject value)
    {
        if (!value.ContainsKey("errorType") && !value.ContainsKey("errorMessage"))
        {
            return false;
        }

        foreach (string key in value.Keys)
        {
            if (key is not ("errorType" or "errorMessage" or "stackTrace" or "requestId"))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd().Split('\n');

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
