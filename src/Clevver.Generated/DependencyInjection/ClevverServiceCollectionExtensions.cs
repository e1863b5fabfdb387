using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clevver.Generated;

/// <summary>
/// Registers Clevver API clients on <see cref="System.Net.Http.IHttpClientFactory"/>, with options from
/// configuration and the environment, validated when the host starts.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddClevverClient();                 // IBatchesClient, from the "Clevver" section
/// builder.Services.AddClevverClient("archive");        // [FromKeyedServices("archive")] IBatchesClient
/// </code>
/// </example>
public static class ClevverServiceCollectionExtensions
{
    /// <summary>The configuration section of the default client, <c>Clevver</c>. A named client reads <c>Clevver:&lt;name&gt;</c>.</summary>
    public const string ConfigurationSectionName = "Clevver";

    /// <summary>
    /// Registers the default client as <see cref="IBatchesClient"/> and <see cref="BatchesClient"/>.
    /// Its options come from the <c>Clevver</c> configuration section, then the environment variables
    /// <c>CLEVVER_API_URL</c> and <c>CLEVVER_TOKEN</c>, then <paramref name="configure"/>; each
    /// overrides the one before. They are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code after configuration and the environment were applied.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add handlers or change its settings.</returns>
    public static IHttpClientBuilder AddClevverClient(this IServiceCollection services, Action<ClevverClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var builder = AddClient(services, Options.DefaultName, ConfigurationSectionName, readEnvironment: true, configure);
        services.TryAddTransient<IBatchesClient>(provider => Create(provider, builder.Name, Options.DefaultName));
        services.TryAddTransient(provider => (BatchesClient)provider.GetRequiredService<IBatchesClient>());
        return builder;
    }

    /// <summary>
    /// Registers a named client, for example for a second account, as a keyed <see cref="IBatchesClient"/>
    /// whose key is <paramref name="name"/>: inject it with <c>[FromKeyedServices("archive")]</c> or
    /// resolve it with <c>GetRequiredKeyedService&lt;IBatchesClient&gt;("archive")</c>. Its options come
    /// from the <c>Clevver:&lt;name&gt;</c> configuration section, then <paramref name="configure"/>;
    /// the environment variables apply to the default client only. They are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name and service key, for example <c>archive</c>.</param>
    /// <param name="configure">Sets options in code after configuration was applied.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add handlers or change its settings.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IHttpClientBuilder AddClevverClient(this IServiceCollection services, string name, Action<ClevverClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var builder = AddClient(services, name, $"{ConfigurationSectionName}:{name}", readEnvironment: false, configure);
        services.AddKeyedTransient<IBatchesClient>(name, (provider, _) => Create(provider, builder.Name, name));
        return builder;
    }

    private static IHttpClientBuilder AddClient(
        IServiceCollection services,
        string optionsName,
        string sectionPath,
        bool readEnvironment,
        Action<ClevverClientOptions>? configure)
    {
        services.TryAddSingleton<ClevverEnvironment>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClevverClientOptions>, ClevverOptionsValidator>());
        services.AddSingleton<IConfigureOptions<ClevverClientOptions>>(provider => new ClevverOptionsSetup(
            optionsName,
            sectionPath,
            readEnvironment,
            provider.GetService<IConfiguration>(),
            provider.GetRequiredService<ClevverEnvironment>()));

        var optionsBuilder = services.AddOptions<ClevverClientOptions>(optionsName);
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        // The application's logging applies unless the options name a logger factory of their own.
        optionsBuilder.PostConfigure<IServiceProvider>((options, provider) => options.LoggerFactory ??= provider.GetService<ILoggerFactory>());

        optionsBuilder.ValidateOnStart();

        var httpClientName = string.IsNullOrEmpty(optionsName) ? ConfigurationSectionName : $"{ConfigurationSectionName}:{optionsName}";
        return services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(ClevverHttpPipeline.CreateTransport)
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                // The same handlers, in the same order, as in ClevverClient, so both behave alike.
                var options = provider.GetRequiredService<IOptionsMonitor<ClevverClientOptions>>().Get(optionsName);
                foreach (var handler in ClevverHttpPipeline.CreateHandlers(options))
                {
                    handlers.Add(handler);
                }
            })
            // The factory's own request logs write header values only where the client's logs do.
            .RedactLoggedHeaders(name => !HeaderRedactor.IsAllowed(name));
    }

    private static BatchesClient Create(IServiceProvider provider, string httpClientName, string optionsName)
    {
        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName);
        var options = provider.GetRequiredService<IOptionsMonitor<ClevverClientOptions>>().Get(optionsName);
        return new ResponseCheckingBatchesClient(httpClient, options);
    }
}
