using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Clevver.Generated;

/// <summary>A model that checks its values once Newtonsoft.Json has filled it.</summary>
internal interface IValidatedModel
{
    /// <summary>Throws <see cref="Newtonsoft.Json.JsonSerializationException"/> when a value breaks the contract.</summary>
    void Validate();
}

/// <summary>
/// Runs <see cref="IValidatedModel.Validate"/> after deserialization, and attaches the strict
/// converters to the types they read. An <c>[OnDeserialized]</c> method would be called through
/// reflection, and its exception would arrive wrapped in a
/// <see cref="System.Reflection.TargetInvocationException"/> that the generated client does not catch.
/// </summary>
/// <remarks>
/// A converter attached to a contract is resolved once per type. The same converters in
/// <see cref="JsonSerializerSettings.Converters"/> would be asked <see cref="JsonConverter.CanConvert"/>
/// for every value read.
/// </remarks>
internal sealed class ClevverContractResolver : DefaultContractResolver
{
    private static readonly JsonConverter EnumConverter = new StringEnumConverter();
    private static readonly JsonConverter TimestampConverter = new ClevverTimestampJsonConverter();
    private static readonly JsonConverter NumberConverter = new StrictNumberJsonConverter();
    private static readonly JsonConverter GuidConverter = new StrictGuidJsonConverter();

    protected override JsonConverter? ResolveContractConverter(Type objectType)
    {
        // A [JsonConverter] attribute on the type, as on BatchStatus, comes first.
        var converter = base.ResolveContractConverter(objectType);
        if (converter is not null)
        {
            return converter;
        }

        var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
        if (type.IsEnum)
        {
            return EnumConverter;
        }

        return type == typeof(DateTimeOffset) ? TimestampConverter
            : type == typeof(Guid) ? GuidConverter
            : type == typeof(long) || type == typeof(double) ? NumberConverter
            : null;
    }

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (typeof(IValidatedModel).IsAssignableFrom(objectType))
        {
            contract.OnDeserializedCallbacks.Add(static (model, _) => ((IValidatedModel)model).Validate());
        }

        return contract;
    }
}
