namespace Clevver.Emulator;

/// <summary>The validated settings of a running emulator, shared by its services.</summary>
internal sealed record EmulatorSettings(
    string Token,
    string DataDirectory,
    TimeSpan DeliveryTime,
    long MaxFileSize,
    TimeProvider TimeProvider,
    int MaxFilesPerBatch,
    int MaxRequestHeadersTotalSize);
