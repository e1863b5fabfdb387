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
        var nameWidth = uploads.Max(upload => upload.FileName.Length);
        var sizes = uploads.Select(upload => ByteSize.Format(upload.Size)).ToList();
        var sizeWidth = sizes.Max(size => size.Length);
        for (var i = 0; i < uploads.Count; i++)
        {
            var upload = uploads[i];
            yield return $"{upload.FileName.PadRight(nameWidth)}  {sizes[i].PadLeft(sizeWidth)}  {upload.Sha256}  {upload.Asset.Id}";
        }
    }

    /// <summary>Formats the last line of <c>clevver store</c>: <c>batch &lt;id&gt; delivered</c>.</summary>
    public static string Delivered(Batch batch) => $"batch {batch.Id} {batch.Status.Value}";
}
