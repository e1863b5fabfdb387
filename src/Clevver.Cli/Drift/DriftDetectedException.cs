using Clevver.Cli.Errors;

namespace Clevver.Cli.Drift;

/// <summary>The server's responses differ from the contract. It ends <c>clevver drift</c> with <see cref="ExitCodes.Drift"/>.</summary>
/// <param name="findingCount">The number of differences found.</param>
/// <param name="responseCount">The number of responses checked.</param>
internal sealed class DriftDetectedException(int findingCount, int responseCount)
    : Exception($"the server's responses differ from the contract in {findingCount} place(s) across {responseCount} response(s). Each difference is listed on standard output.");
