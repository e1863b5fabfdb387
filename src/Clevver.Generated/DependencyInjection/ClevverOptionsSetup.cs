using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Clevver.Generated;

/// <summary>
/// Fills the options of one registered client, in this order, each step overriding the one before:
/// the defaults, the configuration section, the environment variables (default client only), and the
/// caller's delegate.
/// </summary>
/// <param name="clientName">The options name of the client: empty for the default client.</param>
/// <param name="sectionPath">The configuration section, for example <c>Clevver</c> or <c>Clevver:archive</c>.</param>
/// <param name="readEnvironment">True to apply CLEVVER_TOKEN and CLEVVER_API_URL.</param>
/// <param name="configuration">The application's configuration, or null when none is registered.</param>
/// <param name="environment">The environment variables.</param>
internal sealed class ClevverOptionsSetup(
    string clientName,
    string sectionPath,
    bool readEnvironment,
    IConfiguration? configuration,
    ClevverEnvironment environment) : IConfigureNamedOptions<ClevverClientOptions>
{
    public void Configure(ClevverClientOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? optionsName, ClevverClientOptions options)
    {
        if (!string.Equals(optionsName ?? Options.DefaultName, clientName, StringComparison.Ordinal))
        {
            return;
        }

        configuration?.GetSection(sectionPath).Bind(options);
        if (!readEnvironment)
        {
            return;
        }

        if (environment.Get(ClevverEnvironment.TokenVariable) is { } token)
        {
            options.Token = token;
        }

        if (environment.Get(ClevverEnvironment.ApiUrlVariable) is { } url)
        {
            options.BaseAddress = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address)
                ? address
                : throw new ClevverConfigurationException(
                    nameof(ClevverClientOptions.BaseAddress),
                    $"{ClevverEnvironment.ApiUrlVariable} is '{url}', which is not an absolute URL. Set it to an address such as https://clevver.org/api.");
        }
    }
}
