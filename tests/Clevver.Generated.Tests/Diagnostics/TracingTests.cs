using System.Collections.Concurrent;
using System.Diagnostics;
using Clevver.Generated.Tests.Support;

namespace Clevver.Generated.Tests.Diagnostics;

public sealed class TracingTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private static readonly ActivitySource s_testSource = new("Clevver.Generated.Tests.Tracing");

    private readonly EmulatorFixture _emulator;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private Activity? _root;

    public TracingTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _listener = CreateListener();
    }

    [Fact]
    public async Task Store_RecordsOperationSpans()
    {
        var result = await StoreOneFileAsync(size: 1234);

        var names = Spans().Select(span => span.DisplayName).ToList();

        Assert.Contains("clevver.store", names);
        Assert.Contains("clevver.upload", names);
        Assert.Contains("clevver.wait_for_delivery", names);
        Assert.Contains("POST batches", names);
        Assert.Contains("POST batches/{batchId}/files", names);
        Assert.Contains("POST batches/{batchId}/start", names);
        Assert.Contains("GET batches/{batchId}", names);
        Assert.Equal(result.Batch.Id.ToString(), Spans().Single(span => span.DisplayName == "clevver.store").GetTagItem("clevver.batch.id"));
    }

    [Fact]
    public async Task Upload_SpanHasBatchIdAndFileSize()
    {
        var result = await StoreOneFileAsync(size: 1234);

        var upload = Spans().Single(span => span.DisplayName == "clevver.upload");
        var request = Spans().Single(span => span.DisplayName == "POST batches/{batchId}/files");

        Assert.Equal(result.Batch.Id.ToString(), upload.GetTagItem("clevver.batch.id"));
        Assert.Equal(1234L, upload.GetTagItem("clevver.file.size"));
        Assert.Equal("POST", request.GetTagItem("http.request.method"));
        Assert.Equal(1234L, request.GetTagItem("clevver.file.size"));
        Assert.Equal(upload.SpanId, request.ParentSpanId);
    }

    [Fact]
    public async Task FailedRequest_SpanHasErrorStatus()
    {
        using var client = _emulator.CreateClient();
        var missing = Guid.NewGuid();
        _root = s_testSource.StartActivity("test");

        await Assert.ThrowsAnyAsync<ClevverApiException>(() => client.Batches.GetAsync(missing));

        var span = Spans().Single(span => span.DisplayName == "GET batches/{batchId}");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal(missing.ToString(), span.GetTagItem("clevver.batch.id"));
    }

    public void Dispose()
    {
        _root?.Dispose();
        _listener.Dispose();
    }

    private async Task<StoreResult> StoreOneFileAsync(int size)
    {
        using var files = new TempFiles();
        var path = files.Create("data.bin", size);
        using var client = _emulator.CreateClient();
        _root = s_testSource.StartActivity("test");

        return await client.Batches.StoreAsync([path]);
    }

    /// <summary>Returns the stopped spans of this test's trace; other tests run in parallel and trace too.</summary>
    private List<Activity> Spans() =>
        _stopped.Where(span => _root is not null && span.TraceId == _root.TraceId && span.Source.Name == "Clevver.Generated").ToList();

    private ActivityListener CreateListener()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Clevver.Generated" or "Clevver.Generated.Tests.Tracing",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
