namespace Clevver.Emulator;

/// <summary>
/// Settings of one emulator instance. <see cref="EmulatorHost.StartAsync"/> validates them and
/// copies them, so changing an instance after the start has no effect.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The default of <see cref="DeliveryTime"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultDeliveryTime = TimeSpan.FromSeconds(10);

    /// <summary>The default of <see cref="MaxFileSize"/>: 2 GiB.</summary>
    public const long DefaultMaxFileSize = 2L * 1024 * 1024 * 1024;

    /// <summary>The default of <see cref="MaxFilesPerBatch"/>: 10,000 files.</summary>
    public const int DefaultMaxFilesPerBatch = 10_000;

    /// <summary>The default of <see cref="MaxRequestHeadersTotalSize"/>: 32 KiB, the default of Kestrel.</summary>
    public const int DefaultMaxRequestHeadersTotalSize = 32 * 1024;

    /// <summary>
    /// TCP port on 127.0.0.1 to listen on, from 0 to 65535. The default, 0, picks a free port,
    /// and <see cref="EmulatorHost.BaseAddress"/> then contains the chosen one.
    /// </summary>
    public int Port { get; set; }

    /// <summary>
    /// The bearer token that every request must send as <c>Authorization: Bearer &lt;token&gt;</c>.
    /// It may contain only visible ASCII characters without spaces. The default, null, creates a
    /// random token for this instance, which <see cref="EmulatorHost.Token"/> returns.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// Directory where uploaded files are stored as <c>&lt;batch id&gt;/&lt;asset id&gt;/&lt;file name&gt;</c>,
    /// beside the metadata of every batch and asset. A given directory is created if it is missing
    /// and is kept when the host is disposed. A new emulator on a directory that an earlier one
    /// used loads its batches and files, and deletes the incomplete uploads that the earlier one
    /// left when it was killed. The default, null, creates a new temporary directory that
    /// <see cref="EmulatorHost.DisposeAsync"/> deletes.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Time from the start of a batch until it is delivered. Progress grows linearly over this
    /// time from 0 to 100. Must be greater than zero. The default is 10 seconds.
    /// </summary>
    public TimeSpan DeliveryTime { get; set; } = DefaultDeliveryTime;

    /// <summary>
    /// Maximum size of one uploaded file in bytes. A larger upload is rejected with 413. Must be
    /// greater than zero. The default is 2 GiB.
    /// </summary>
    public long MaxFileSize { get; set; } = DefaultMaxFileSize;

    /// <summary>
    /// Maximum number of files in one batch. An upload into a full batch is rejected with 422.
    /// Must be greater than zero. The default is 10,000.
    /// </summary>
    public int MaxFilesPerBatch { get; set; } = DefaultMaxFilesPerBatch;

    /// <summary>
    /// Maximum total size of a request's header fields in bytes, counted as <c>name: value</c>
    /// plus CRLF per field. A request with more gets 431 with the error body. Must be from 1024
    /// to 1 GiB. The default is 32 KiB.
    /// </summary>
    public int MaxRequestHeadersTotalSize { get; set; } = DefaultMaxRequestHeadersTotalSize;

    /// <summary>
    /// Fault rules that apply from the start, in order, before those that
    /// <see cref="EmulatorHost.Faults"/> adds later. The default is empty.
    /// </summary>
    public IList<FaultRule> Faults { get; } = new List<FaultRule>();

    /// <summary>
    /// Clock for creation times, batch progress and the delay of <see cref="FaultKind.SlowResponse"/>. The default is <see cref="TimeProvider.System"/>.
    /// Tests pass a fake clock to move progress forward without waiting.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Adds log providers. The standalone program adds the console. An embedded host has none, so
    /// it writes nothing into its caller's output.
    /// </summary>
    internal Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Throws an <see cref="ArgumentException"/> that names the first invalid option.</summary>
    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, $"{nameof(Port)} must be from 0 to 65535, where 0 picks a free port.");
        }

        if (Token is not null && (Token.Length == 0 || Token.Any(character => character is < '!' or > '~')))
        {
            throw new ArgumentException($"{nameof(Token)} must be null or a non-empty string of visible ASCII characters without spaces.", nameof(Token));
        }

        if (DataDirectory is not null && string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException($"{nameof(DataDirectory)} must be null or a directory path, but it is empty.", nameof(DataDirectory));
        }

        if (DeliveryTime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DeliveryTime), DeliveryTime, $"{nameof(DeliveryTime)} must be greater than zero.");
        }

        if (MaxFileSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFileSize), MaxFileSize, $"{nameof(MaxFileSize)} must be greater than zero bytes.");
        }

        if (MaxFilesPerBatch <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFilesPerBatch), MaxFilesPerBatch, $"{nameof(MaxFilesPerBatch)} must be greater than zero.");
        }

        if (MaxRequestHeadersTotalSize is < 1024 or > 1024 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestHeadersTotalSize), MaxRequestHeadersTotalSize, $"{nameof(MaxRequestHeadersTotalSize)} must be from 1024 to 1073741824 bytes.");
        }

        foreach (FaultRule rule in Faults)
        {
            if (rule is null)
            {
                throw new ArgumentException($"{nameof(Faults)} must not contain null.", nameof(Faults));
            }

            rule.Validate();
        }

        if (TimeProvider is null)
        {
            throw new ArgumentNullException(nameof(TimeProvider), $"{nameof(TimeProvider)} must not be null. Use TimeProvider.System for the real clock.");
        }
    }
}
