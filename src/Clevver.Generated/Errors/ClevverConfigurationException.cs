namespace Clevver.Generated;

/// <summary>A client setting is missing or invalid. It is raised before any request is sent.</summary>
public sealed class ClevverConfigurationException : Exception
{
    /// <summary>Creates the exception for one setting.</summary>
    /// <param name="optionName">The name of the invalid setting.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public ClevverConfigurationException(string optionName, string message)
        : base(message)
    {
        OptionName = optionName;
    }

    /// <summary>The name of the invalid setting, for example <c>Token</c>.</summary>
    public string OptionName { get; }
}
