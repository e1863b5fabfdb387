using Newtonsoft.Json.Serialization;

namespace Clevver.Generated;

/// <summary>A model that checks its values once Newtonsoft.Json has filled it.</summary>
internal interface IValidatedModel
{
    /// <summary>Throws <see cref="Newtonsoft.Json.JsonSerializationException"/> when a value breaks the contract.</summary>
    void Validate();
}

/// <summary>
/// Runs <see cref="IValidatedModel.Validate"/> after deserialization. An <c>[OnDeserialized]</c> method
/// would be called through reflection, and its exception would arrive wrapped in a
/// <see cref="System.Reflection.TargetInvocationException"/> that the generated client does not catch.
/// </summary>
internal sealed class ClevverContractResolver : DefaultContractResolver
{
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
