using System.Net.Http.Headers;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Intelligence;

/// <summary>
/// Pulls one <see cref="TaxiiSource"/>: GET the remote collection's objects with <c>added_after</c> = the source's mark,
/// page by page (<c>next</c>), each page stored through <see cref="StixImporter"/> (as the source's owner agency; RED
/// refused), the mark advanced and saved after each page, so a failure resumes after the last stored page.
/// </summary>
internal sealed class TaxiiPuller(JsmsDbContext db, StixImporter importer, ExchangeGates gates, IHttpClientFactory http, IDataProtectionProvider protection,
    TimeProvider clock, IOptions<IntelligenceOptions> options, ILogger<TaxiiPuller> logger)
{
    public const string HttpClientName = "taxii-pull";

    public IDataProtector Protector => protection.CreateProtector("Jsms.Intelligence.TaxiiSource.Secret");

    public async Task<PullResult> PullAsync(Guid sourceId, CancellationToken cancellationToken = default)
    {
        await gates.Pull.WaitAsync(cancellationToken);
        try
        {
            return await PullLockedAsync(sourceId, cancellationToken);
        }
        finally
        {
            gates.Pull.Release();
        }
    }

    private async Task<PullResult> PullLockedAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        var source = await db.Set<TaxiiSource>().AsNoTracking().SingleAsync(s => s.Id == sourceId, cancellationToken);
        var collection = await db.Set<StixCollection>().AsNoTracking().SingleAsync(c => c.Id == source.LocalCollectionId, cancellationToken);
        // The pulled records are owned by the agency representing the partner and created by the administrator who configured the source.
        var caller = new Caller(source.CreatedByUserId, "taxii-pull", source.OwnerAgencyId, new HashSet<string>(), []);
        var client = http.CreateClient(HttpClientName);
        var mark = source.AddedAfter;
        int pages = 0, accepted = 0, refused = 0;
        // The next page is fetched while this one is stored (the remote and the network work while this node writes).
        // The mark still advances only after a page is stored, so a failure resumes after the last stored page.
        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<RemotePage>? pending = null;
        try
        {
            pending = FetchAsync(client, source, ObjectsUrl(source, mark, null), prefetch.Token);
            while (pending is not null)
            {
                var page = await pending;
                pending = page.More && page.Next is not null && pages + 1 < options.Value.MaxPullPages
                    ? FetchAsync(client, source, ObjectsUrl(source, mark, page.Next), prefetch.Token)
                    : null;
                var pageMark = page.LastAdded is { Length: > 0 } lastAdded ? lastAdded : mark;
                // The page's objects, their audit entries and the advanced mark are committed together (one transaction,
                // one fsync): a failure leaves neither the objects nor the mark, and the next pull asks again from the
                // last stored page.
                var report = await importer.ImportAsync(caller, collection, page.Objects, fromRemote: true,
                    _ => TrackSourceAsync(sourceId, s => s.AddedAfter = pageMark), cancellationToken);
                accepted += report.Successes.Count(s => s.Message == "added");
                refused += report.Refused;
                foreach (var failure in report.Failures)
                {
                    logger.LogInformation("TAXII pull {Source}: refused {Id}: {Reason}", source.Name, failure.Id, failure.Reason);
                }
                if (report.Total == 0)
                {
                    // A page without objects ends the pull, whatever "more" says.
                    await AbandonAsync(prefetch, pending);
                    pending = null;
                }
                pages++;
                mark = pageMark;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TaxiiPullException or JsonException
                                      or System.Security.Cryptography.CryptographicException && !cancellationToken.IsCancellationRequested)
        {
            var error = e switch
            {
                TaskCanceledException => "The remote did not answer in time.",
                System.Security.Cryptography.CryptographicException => "The stored secret cannot be read with this node's keys: enter it again.",
                JsonException j => "The remote sent no TAXII envelope: " + j.Message,
                _ => e.Message,
            };
            logger.LogWarning("TAXII pull {Source} failed: {Error}", source.Name, error);
            await UpdateAsync(sourceId, s =>
            {
                s.Status = TaxiiSourceStatus.Failed;
                s.LastError = error.Length > 2000 ? error[..2000] : error;
                s.LastAttemptAt = clock.GetUtcNow().UtcDateTime;
            }, cancellationToken, $"failed: {error}");
            return new PullResult(false, pages, accepted, refused, error);
        }
        finally
        {
            // A page fetched ahead of a failure is not stored: the next pull asks for it again from the mark.
            await AbandonAsync(prefetch, pending);
        }
        await UpdateAsync(sourceId, s =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            s.Status = TaxiiSourceStatus.Ok;
            s.LastError = null;
            s.LastAttemptAt = now;
            s.LastSuccessAt = now;
            s.LastAccepted = accepted;
            s.LastRefused = refused;
        }, cancellationToken, $"{pages} pages, {accepted} added, {refused} refused");
        return new PullResult(true, pages, accepted, refused, null);
    }

    /// <summary>One page as received: its objects read and checked, and what the envelope and headers say about the next one.</summary>
    private sealed record RemotePage(CheckedPage Objects, bool More, string? Next, string? LastAdded);

    private async Task<RemotePage> FetchAsync(HttpClient client, TaxiiSource source, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(TaxiiEndpoints.MediaType);
        var secret = Protector.Unprotect(source.ProtectedSecret);
        request.Headers.Authorization = source.Username is { Length: > 0 } user
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{secret}")))
            : new AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new TaxiiPullException($"{url} answered {(int)response.StatusCode}: {await DescribeErrorAsync(response, cancellationToken)}");
        }
        // Read the page into memory (one page, at most MaxPullPageBytes whatever the remote sends); its objects are copied
        // out when checked.
        using var body = await ReadBodyAsync(response, url, cancellationToken);
        var (more, next) = Envelope(body.Memory.Span);
        var last = response.Headers.TryGetValues("X-TAXII-Date-Added-Last", out var values) ? values.FirstOrDefault() : null;
        // Read and checked here, in the prefetch: this node parses page n+1 while it writes page n (no database needed).
        return new RemotePage(await StixObjectCheck.CheckPageAsync(body, cancellationToken), more, next, last);
    }

    /// <summary>
    /// A partner's answer (a page, a push's status resource) read whole into the pool, at most MaxPullPageBytes whatever the
    /// partner declares or sends.
    /// </summary>
    internal async Task<PooledBody> ReadBodyAsync(HttpResponseMessage response, string url, CancellationToken cancellationToken)
    {
        try
        {
            return await PooledBody.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken),
                response.Content.Headers.ContentLength, options.Value.MaxPullPageBytes, cancellationToken);
        }
        catch (BodyTooLargeException tooLarge)
        {
            throw new TaxiiPullException($"{url} sent an answer larger than {tooLarge.Limit} bytes (Jsms:Intelligence:MaxPullPageBytes).");
        }
    }

    /// <summary>Stops a prefetch that is no longer wanted and observes its outcome (its failure is not this pull's error).</summary>
    private static async Task AbandonAsync(CancellationTokenSource prefetch, Task<RemotePage>? pending)
    {
        if (pending is null)
        {
            return;
        }
        await prefetch.CancelAsync();
        try
        {
            await pending;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or TaxiiPullException or JsonException
                                      or System.Security.Cryptography.CryptographicException)
        {
            // Abandoned on purpose.
        }
    }

    private static string ObjectsUrl(TaxiiSource source, string? mark, string? next)
    {
        var root = source.ApiRootUrl.EndsWith('/') ? source.ApiRootUrl : source.ApiRootUrl + "/";
        var url = $"{root}collections/{Uri.EscapeDataString(source.RemoteCollectionId)}/objects/";
        // The largest page TAXII servers commonly allow; a server with a smaller maximum answers with its own.
        var query = new List<string> { "limit=1000" };
        if (mark is not null)
        {
            query.Add("added_after=" + Uri.EscapeDataString(mark));
        }
        if (next is not null)
        {
            query.Add("next=" + Uri.EscapeDataString(next));
        }
        return url + "?" + string.Join('&', query);
    }

    /// <summary><c>more</c> and <c>next</c> of an envelope, read without building a document (the objects are skipped).</summary>
    private static (bool More, string? Next) Envelope(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the body is not a JSON object");
        }
        var more = false;
        string? next = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMore = reader.ValueTextEquals("more"u8);
            var isNext = reader.ValueTextEquals("next"u8);
            reader.Read();
            if (isMore)
            {
                more = reader.TokenType == JsonTokenType.True;
            }
            else if (isNext && reader.TokenType == JsonTokenType.String)
            {
                next = reader.GetString();
            }
            reader.Skip();
        }
        return (more, next);
    }

    /// <summary>The description of a TAXII error resource, else the reason phrase; an error body is read up to 64 KB only.</summary>
    internal static async Task<string> DescribeErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await PooledBody.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken),
                response.Content.Headers.ContentLength, MaxErrorBytes, cancellationToken);
            using var json = JsonDocument.Parse(body.Memory);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("description", out var d)
                && d.ValueKind == JsonValueKind.String
                ? d.GetString()!
                : response.ReasonPhrase ?? "";
        }
        catch (Exception e) when (e is JsonException or BodyTooLargeException)
        {
            return response.ReasonPhrase ?? "";
        }
    }

    private const int MaxErrorBytes = 64 * 1024;

    private async Task UpdateAsync(Guid sourceId, Action<TaxiiSource> change, CancellationToken cancellationToken, string? audit = null)
    {
        db.ChangeTracker.Clear();
        await TrackSourceAsync(sourceId, change);
        if (audit is not null)
        {
            db.Audit("pull", nameof(TaxiiSource), sourceId, audit);
        }
        await db.SaveChangesAsync(cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken);
    }

    /// <summary>Loads the source tracked and changes it; the caller's save writes the change.</summary>
    private async Task TrackSourceAsync(Guid sourceId, Action<TaxiiSource> change)
        => change(await db.Set<TaxiiSource>().SingleAsync(s => s.Id == sourceId, CancellationToken.None));
}
