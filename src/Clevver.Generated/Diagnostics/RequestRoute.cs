namespace Clevver.Generated;

/// <summary>
/// The contract's path template of a request, such as <c>batches/{batchId}/files</c>, and the batch
/// id in it. Span names use the template, so that spans of one operation group together.
/// </summary>
/// <param name="Template">The path from the <c>batches</c> segment on, with the id replaced by <c>{batchId}</c>.</param>
/// <param name="BatchId">The batch id in the path, or null.</param>
internal readonly record struct RequestRoute(string Template, Guid? BatchId)
{
    public static RequestRoute From(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);

        // The base address may have any prefix (for example /api), so the route starts at the last "batches" segment.
        var start = Array.LastIndexOf(segments, "batches");
        if (start < 0)
        {
            return new RequestRoute(path, null);
        }

        Guid? batchId = null;
        var template = new List<string>(segments.Length - start);
        for (var index = start; index < segments.Length; index++)
        {
            if (index == start + 1 && Guid.TryParse(segments[index], out var id))
            {
                batchId = id;
                template.Add("{batchId}");
                continue;
            }

            template.Add(segments[index]);
        }

        return new RequestRoute(string.Join('/', template), batchId);
    }
}
