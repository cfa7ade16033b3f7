using Microsoft.AspNetCore.Mvc.Filters;

namespace Jsms.Features.Map;

/// <summary>
/// With <c>Jsms:Map:TileUrl</c> set, the pages may load tiles from that server: its origin is added to the content
/// security policy's img-src (raster) and connect-src (vector tiles are fetched), and nothing else is widened.
/// </summary>
internal sealed class MapContentSecurity(BaseMap baseMap) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (TileOrigin(baseMap.TileUrl) is { } origin)
        {
            var response = context.HttpContext.Response;
            response.OnStarting(() =>
            {
                var policy = response.Headers.ContentSecurityPolicy.ToString();
                if (policy.Length > 0)
                {
                    response.Headers.ContentSecurityPolicy = policy
                        .Replace("img-src 'self'", "img-src 'self' " + origin, StringComparison.Ordinal)
                        .Replace("connect-src 'self'", "connect-src 'self' " + origin, StringComparison.Ordinal);
                }
                return Task.CompletedTask;
            });
        }
        return next();
    }

    /// <summary>The scheme, host and port of a tile URL template ({s}, {z}... may appear only after the host).</summary>
    public static string? TileOrigin(string? template)
    {
        if (template is null) { return null; }
        var probe = template.Replace("{s}", "a", StringComparison.Ordinal);
        return Uri.TryCreate(probe, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !uri.Host.Contains('{') ? uri.GetLeftPart(UriPartial.Authority) : null;
    }
}
