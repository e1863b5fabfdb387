namespace Clevver.Generated;

/// <summary>
/// Reads the process environment variables that configure the default client. It is a service so
/// that tests can supply variables without changing the test process's environment.
/// </summary>
internal class ClevverEnvironment
{
    /// <summary>The environment variable with the API token.</summary>
    public const string TokenVariable = "CLEVVER_TOKEN";

    /// <summary>The environment variable with the API's base address.</summary>
    public const string ApiUrlVariable = "CLEVVER_API_URL";

    /// <summary>Returns the value of the variable <paramref name="name"/>, or null when it is unset or empty.</summary>
    public virtual string? Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
