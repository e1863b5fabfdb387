using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Clevver.Cli.Drift;

/// <summary>Converts a YAML document into JSON, typing plain scalars by the YAML 1.2 core schema.</summary>
internal static partial class YamlJson
{
    /// <summary>Parses the first document in <paramref name="yaml"/>.</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static JToken Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0)
        {
            throw new YamlException("The YAML text contains no document.");
        }

        return Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children.Select(entry => new JProperty(((YamlScalarNode)entry.Key).Value ?? string.Empty, Convert(entry.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new YamlException(node.Start, node.End, $"The YAML node type {node.NodeType} is not supported."),
    };

    private static JToken ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;

        // Only plain scalars carry a type. A quoted '200' or '2023-11-01 13:53:12' stays a string.
        if (scalar.Style != ScalarStyle.Plain)
        {
            return new JValue(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => JValue.CreateNull(),
            "true" or "True" or "TRUE" => new JValue(true),
            "false" or "False" or "FALSE" => new JValue(false),
            _ when IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => new JValue(integer),
            _ when FloatPattern().IsMatch(text) => new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => new JValue(text),
        };
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
