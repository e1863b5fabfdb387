using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

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
        // before a string property sees it, and the original text is lost.
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Double;
        settings.ContractResolver = new ClevverContractResolver();
        settings.Converters.Add(new StringEnumConverter());
        settings.Converters.Add(new ClevverTimestampJsonConverter());
        settings.Converters.Add(new StrictNumberJsonConverter());
        settings.Converters.Add(new StrictGuidJsonConverter());
    }
}
