using System.Diagnostics;

namespace Clevver.Generated;

/// <summary>
/// The <see cref="ActivitySource"/> of the client. OpenTelemetry users subscribe to it with
/// <c>AddSource("Clevver.Generated")</c> and see each request, upload, delivery wait and store as a span.
/// </summary>
internal static class ClevverActivitySource
{
    /// <summary>The source name, equal to the assembly and package name.</summary>
    public const string Name = "Clevver.Generated";

    // Tag names follow the OpenTelemetry HTTP semantic conventions where one exists.
    public const string HttpMethodTag = "http.request.method";
    public const string HttpStatusCodeTag = "http.response.status_code";
    public const string UrlPathTag = "url.path";
    public const string ErrorTypeTag = "error.type";
    public const string BatchIdTag = "clevver.batch.id";
    public const string FileSizeTag = "clevver.file.size";
    public const string FileNameTag = "clevver.file.name";
    public const string FileCountTag = "clevver.file.count";
    public const string AssetIdTag = "clevver.asset.id";

    public static readonly ActivitySource Source = new(Name, typeof(ClevverActivitySource).Assembly.GetName().Version?.ToString());

    /// <summary>Marks <paramref name="activity"/> as failed with the exception's type and message.</summary>
    public static void SetError(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(ErrorTypeTag, exception.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
    }
}
