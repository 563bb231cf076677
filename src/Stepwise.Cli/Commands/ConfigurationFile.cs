using System.Diagnostics.CodeAnalysis;
using Stepwise.Integrations;
using Stepwise.Integrations.Configuration;

namespace Stepwise.Cli.Commands;

/// <summary>Loads <c>stepwise.json</c> (or <c>--config FILE</c>) with the environment, and the mock file it names, for <c>run</c> and <c>serve</c>.</summary>
internal static class ConfigurationFile
{
    /// <summary>False, with the message to print, when the configuration or its mock file cannot be read.</summary>
    public static bool TryLoad(string? path, string? mockConfigPath, [NotNullWhen(true)] out IntegrationsConfiguration? configuration,
        out MockConfiguration? mocks, [NotNullWhen(false)] out string? error)
    {
        mocks = null;
        try
        {
            configuration = IntegrationsConfiguration.Load(path);
            // --mock-config wins over SFN_MOCK_CONFIG and the file's mockConfig.
            string? mockFile = mockConfigPath ?? configuration.MockConfigPath;
            mocks = mockFile is null ? null : MockConfiguration.Load(mockFile);
            error = null;
            return true;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or Stepwise.Json.JsonParseException)
        {
            configuration = null;
            error = e.Message;
            return false;
        }
    }
}
