namespace Clevver.Generated;

/// <summary>Checks and compares SHA-256 digests written as 64 hexadecimal characters.</summary>
internal static class Sha256Hex
{
    public const int Length = 64;

    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.AsSpan().IndexOfAnyExcept("0123456789abcdefABCDEF") < 0;

    public static bool AreEqual(string left, string right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
