using Newtonsoft.Json;

namespace Clevver.Generated;

public partial class Batch : IValidatedModel
{
    /// <summary>
    /// <see cref="CreatedAt"/> as a point in time. The API sends batch times in UTC without a zone
    /// designator, so they are read as UTC whatever the machine's time zone.
    /// </summary>
    /// <exception cref="FormatException"><see cref="CreatedAt"/> is in neither of the API's timestamp forms.</exception>
    [JsonIgnore]
    public DateTimeOffset CreatedAtUtc => ClevverTimestamp.Parse(CreatedAt);

    /// <summary>True when the batch's files are stored on the blockchain.</summary>
    [JsonIgnore]
    public bool IsDelivered => Status == BatchStatus.Delivered;

    void IValidatedModel.Validate()
    {
        if (!ClevverTimestamp.TryParse(CreatedAt, out _))
        {
            throw new JsonSerializationException(
                $"The batch {Id} has the invalid created_at '{CreatedAt}'. Expected 'yyyy-MM-dd HH:mm:ss' or ISO 8601.");
        }

        if (double.IsNaN(Progress) || Progress < 0 || Progress > 100)
        {
            throw new JsonSerializationException($"The batch {Id} has the progress {Progress}, which is outside 0 to 100.");
        }
    }
}
