namespace Clevver.Generated.Tests.Support;

/// <summary>Reports on the caller's thread, so a test receives every report before the call returns.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
