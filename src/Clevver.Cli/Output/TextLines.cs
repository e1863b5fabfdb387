using System.Globalization;
using Clevver.Generated;

namespace Clevver.Cli.Output;

/// <summary>The line formats of the text output. Fields are separated by two spaces.</summary>
internal static class TextLines
{
    /// <summary>Formats a batch as <c>&lt;id&gt;  &lt;status&gt;  &lt;progress&gt;%  &lt;created_at&gt; UTC</c>.</summary>
    public static string Batch(Batch batch) =>
        string.Create(CultureInfo.InvariantCulture, $"{batch.Id}  {batch.Status.Value,-10}  {batch.Progress,5:0.#}%  {batch.CreatedAtUtc:yyyy-MM-dd HH:mm:ss} UTC");

    /// <summary>
    /// Formats uploaded files, one line each, as <c>&lt;name&gt;  &lt;size&gt;  &lt;sha256&gt;  &lt;asset id&gt;</c>,
    /// with names and sizes padded to a common width.
    /// </summary>
    public static IEnumerable<string> Files(IReadOnlyList<UploadResult> uploads)
    {
        var names = uploads.Select(upload => PrintableName(upload.FileName)).ToList();
        var nameWidth = names.Max(name => name.Length);
        var sizes = uploads.Select(upload => ByteSize.Format(upload.Size)).ToList();
        var sizeWidth = sizes.Max(size => size.Length);
        for (var i = 0; i < uploads.Count; i++)
        {
            var upload = uploads[i];
            yield return $"{names[i].PadRight(nameWidth)}  {sizes[i].PadLeft(sizeWidth)}  {upload.Sha256}  {upload.Asset.Id}";
        }
    }

    /// <summary>
    /// Returns a file name with control characters, such as a line break, shown as <c>?</c>, so that
    /// each file keeps one output line. The exact name is in the JSON output.
    /// </summary>
    public static string PrintableName(string name) =>
        string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });

    /// <summary>Formats the last line of <c>clevver store</c>: <c>batch &lt;id&gt; delivered</c>.</summary>
    public static string Delivered(Batch batch) => $"batch {batch.Id} {batch.Status.Value}";
}
