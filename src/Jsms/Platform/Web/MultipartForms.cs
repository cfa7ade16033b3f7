using Microsoft.AspNetCore.Http.Features;

namespace Jsms.Platform.Web;

/// <summary>Uploads: multipart forms read with their own body limit, and every way a body can fail turned into a message for the caller.</summary>
internal static class MultipartForms
{
    /// <summary>Reads a multipart form with a larger body limit than the default (set before the body is read).</summary>
    public static async Task<(IFormCollection? Form, string? Error)> ReadAsync(HttpContext http, long maxBytes, CancellationToken cancellationToken)
    {
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        if (!http.Request.HasFormContentType)
        {
            return (null, "Send the file(s) as multipart/form-data.");
        }
        try
        {
            return (await http.Request.ReadFormAsync(cancellationToken), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, $"The upload is larger than {maxBytes / (1024 * 1024)} MB.");
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && !cancellationToken.IsCancellationRequested))
        {
            // InvalidDataException: a malformed part; IOException: the body ended before the closing boundary (a truncated upload).
            return (null, "The multipart body could not be read: " + e.Message);
        }
    }
}
