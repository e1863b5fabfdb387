using Microsoft.Extensions.Options;

namespace Clevver.Generated;

/// <summary>
/// Validates every registered client's options with <see cref="ClevverClientOptions.Validate"/>, so
/// that <c>ValidateOnStart</c> stops the host with a message that names the client and the option.
/// </summary>
internal sealed class ClevverOptionsValidator : IValidateOptions<ClevverClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ClevverClientOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ClevverConfigurationException exception)
        {
            var client = string.IsNullOrEmpty(name) ? "The default Clevver client" : $"The Clevver client '{name}'";
            return ValidateOptionsResult.Fail($"{client} has an invalid {exception.OptionName}: {exception.Message}");
        }
    }
}
