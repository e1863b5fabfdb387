using Newtonsoft.Json;

namespace Clevver.Generated;

public partial class Asset : IValidatedModel
{
    void IValidatedModel.Validate()
    {
        if (!Sha256Hex.IsValid(Checksum))
        {
            throw new JsonSerializationException(
                $"The asset {Id} has the checksum '{Checksum}', which is not 64 hexadecimal characters.");
        }

        if (FileSize < 0)
        {
            throw new JsonSerializationException($"The asset {Id} has the negative file_size {FileSize}.");
        }
    }
}
