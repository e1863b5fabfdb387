using Newtonsoft.Json;

namespace Clevver.Generated;

public partial class BatchesClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings)
    {
        ConfigureSerializer(settings);
    }

    /// <summary>Applies the settings that make the generated models tolerate the real API.</summary>
    internal static void ConfigureSerializer(JsonSerializerSettings settings)
    {
        // Strings stay strings: without this, Newtonsoft.Json turns ISO-looking text into DateTime
        // before a string property receives it, and the original text is lost.
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Double;
        // The resolver also attaches the enum, timestamp, number and UUID converters.
        settings.ContractResolver = new ClevverContractResolver();
    }
}
