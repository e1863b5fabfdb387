namespace Clevver.Cli.Connection;

/// <summary>Where a command sends its requests, as the command line and the environment set it.</summary>
/// <param name="ApiUrl">The value of <c>--api-url</c>, or null when it was not given.</param>
/// <param name="UseEmulator">True with <c>--emulator</c>: run an in-process emulator and use it.</param>
/// <param name="DeliveryTimeout">The maximum wait for a started batch's delivery, or null for the client's default.</param>
internal sealed record ConnectionSettings(string? ApiUrl, bool UseEmulator, TimeSpan? DeliveryTimeout = null)
{
    /// <summary>The environment variable with the API token.</summary>
    public const string TokenVariable = "CLEVVER_TOKEN";

    /// <summary>The environment variable with the API's base URL, used when <c>--api-url</c> is not given.</summary>
    public const string ApiUrlVariable = "CLEVVER_API_URL";

    /// <summary>Batch delivery time of the emulator that <c>--emulator</c> starts.</summary>
    public static readonly TimeSpan EmulatorDeliveryTime = TimeSpan.FromSeconds(3);

    /// <summary>First wait between two polls of a batch on the emulator.</summary>
    public static readonly TimeSpan EmulatorPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between two polls of a batch on the emulator.</summary>
    public static readonly TimeSpan EmulatorMaxPollInterval = TimeSpan.FromMilliseconds(500);
}
