namespace Jsms.Platform.Web;

/// <summary>A body longer than its reader's limit.</summary>
internal sealed class BodyTooLargeException(long limit) : IOException($"The body is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
