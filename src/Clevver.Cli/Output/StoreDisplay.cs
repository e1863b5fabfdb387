using Clevver.Generated;

namespace Clevver.Cli.Output;

/// <summary>Shows the progress of <c>clevver store</c> while it runs.</summary>
internal abstract class StoreDisplay
{
    /// <summary>Runs <paramref name="store"/>, passing it the progress receiver of this display.</summary>
    public abstract Task<StoreResult> RunAsync(Func<IProgress<StoreProgress>, Task<StoreResult>> store);

    /// <summary>
    /// Chooses the display: none with <c>--quiet</c>, plain lines on standard error with <c>--json</c>
    /// or when standard output is not a terminal, else a live display.
    /// </summary>
    public static StoreDisplay Create(IReadOnlyList<string> paths, bool json, bool quiet)
    {
        if (quiet)
        {
            return new SilentStoreDisplay();
        }

        if (json || Console.IsOutputRedirected || !Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive)
        {
            return new PlainStoreDisplay(Console.Error);
        }

        return new LiveStoreDisplay(paths);
    }

    private sealed class SilentStoreDisplay : StoreDisplay, IProgress<StoreProgress>
    {
        public override Task<StoreResult> RunAsync(Func<IProgress<StoreProgress>, Task<StoreResult>> store) => store(this);

        public void Report(StoreProgress value)
        {
        }
    }
}
