using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>
/// Pushes a <see cref="TaxiiSource"/> of direction <see cref="TaxiiDirection.Push"/>: POSTs to the remote collection, in
/// date_added order from the source's mark, the object versions of the local collection that the partner agency
/// (<see cref="TaxiiSource.OwnerAgencyId"/>) may read under the access policy, not counting its own; never RED, never
/// AMBER+STRICT (those reach only named users of this node). Named recipients are taken out of the release extension
/// (they are user names of this node). Each batch's status resource is read (polled while pending); the mark advances
/// after each batch, so a failure resumes with the batch that failed.
/// </summary>
internal sealed class TaxiiPusher(JsmsDbContext db, TaxiiPuller puller, ExchangeGates gates, IHttpClientFactory http, TimeProvider clock, ILogger<TaxiiPusher> logger)
{
    private const int BatchSize = 1000;

    private const int MaxBatches = 1000;

    /// <summary>What the partner agency may receive from this collection: its release by the policy, minus its own records, RED and AMBER+STRICT.</summary>
    public static async Task<IQueryable<StixObjectVersion>> ReleasedToAsync(JsmsDbContext db, Guid partnerAgencyId, Guid collectionId,
        CancellationToken cancellationToken = default)
    {
        // The partner as a caller with no user and no role: what its agency reads by release-to, GREEN community and CLEAR.
        var community = await Caller.GreenCommunityAsync(partnerAgencyId, db, cancellationToken);
        var partner = new Caller(Guid.Empty, "taxii-push", partnerAgencyId, new HashSet<string>(), community);
        return db.Readable<StixObjectVersion>(partner).Where(o => o.CollectionId == collectionId && o.OwnerAgencyId != partnerAgencyId)
            .Where(ExchangePolicy.SentToAnotherNode<StixObjectVersion>());
    }

    public async Task<PushResult> PushAsync(Guid sourceId, CancellationToken cancellationToken = default)
    {
        await gates.Push.WaitAsync(cancellationToken);
        try
        {
            return await PushLockedAsync(sourceId, cancellationToken);
        }
        finally
        {
            gates.Push.Release();
        }
    }

    private async Task<PushResult> PushLockedAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        var source = await db.Set<TaxiiSource>().AsNoTracking().SingleAsync(s => s.Id == sourceId, cancellationToken);
        var client = http.CreateClient(TaxiiPuller.HttpClientName);
        var released = await ReleasedToAsync(db, source.OwnerAgencyId, source.LocalCollectionId, cancellationToken);
        var mark = source.PushedUpTo ?? DateTime.MinValue;
        int batches = 0, accepted = 0, refused = 0;
        var refusals = new List<string>();
        Task<Batch?>? reading = null;
        Task<BatchStatus>? posting = null;
        // Two envelope buffers in turn, each kept for the whole push: the one being POSTed and the one being written.
        ArrayBufferWriter<byte>[] envelopes = [new(EnvelopeCapacity), new(EnvelopeCapacity)];
        try
        {
            var batch = await ReadBatchAsync(released, mark, envelopes[0], cancellationToken);
            posting = batch is null ? null : PostAsync(client, source, batch.Envelope, cancellationToken);
            while (batch is not null && posting is not null)
            {
                // While the remote stores this batch, the next one is read and written out; once this one's status is in,
                // the next is POSTed before the mark is saved, so the remote is never idle for this node's own commit.
                // One POST in flight at a time, and the mark advances only to a batch the remote's status says is stored.
                reading = batches + 1 < MaxBatches
                    ? ReadBatchAsync(released, batch.Last, envelopes[(batches + 1) % 2], cancellationToken)
                    : Task.FromResult<Batch?>(null);
                var status = await posting;
                posting = null;
                var next = await reading;
                reading = null;
                posting = next is null ? null : PostAsync(client, source, next.Envelope, cancellationToken);
                accepted += status.Accepted;
                refused += status.Refused;
                refusals.AddRange(status.FirstRefusals.Take(5 - Math.Min(5, refusals.Count)));
                batches++;
                mark = batch.Last;
                await UpdateAsync(sourceId, s => s.PushedUpTo = mark, cancellationToken);
                batch = next;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TaxiiPullException or JsonException or KeyNotFoundException
                                      or InvalidOperationException or System.Security.Cryptography.CryptographicException && !cancellationToken.IsCancellationRequested)
        {
            var error = e switch
            {
                TaskCanceledException => "The remote did not answer in time.",
                System.Security.Cryptography.CryptographicException => "The stored secret cannot be read with this node's keys: enter it again.",
                JsonException or KeyNotFoundException or InvalidOperationException => "The remote answered with no TAXII status resource: " + e.Message,
                _ => e.Message,
            };
            logger.LogWarning("TAXII push {Source} failed: {Error}", source.Name, error);
            await SettleAsync(reading);
            await SettleAsync(posting);
            await UpdateAsync(sourceId, s =>
            {
                s.Status = TaxiiSourceStatus.Failed;
                s.LastError = error.Length > 2000 ? error[..2000] : error;
                s.LastAttemptAt = clock.GetUtcNow().UtcDateTime;
            }, cancellationToken, $"failed: {error}");
            return new PushResult(false, batches, accepted, refused, error);
        }
        // Refusals by the remote are not a failure of the exchange, but they are shown, never silent.
        var note = refused > 0 ? $"The remote refused {refused} object(s): {string.Join("; ", refusals)}" : null;
        await UpdateAsync(sourceId, s =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            s.Status = TaxiiSourceStatus.Ok;
            s.LastError = note is { Length: > 2000 } ? note[..2000] : note;
            s.LastAttemptAt = now;
            s.LastSuccessAt = now;
            s.LastAccepted = accepted;
            s.LastRefused = refused;
        }, cancellationToken, $"{batches} batches, {accepted} accepted, {refused} refused");
        return new PushResult(true, batches, accepted, refused, null);
    }

    /// <summary>One batch to POST: its envelope and the date_added of its last version (the mark once it is stored).</summary>
    private sealed record Batch(ReadOnlyMemory<byte> Envelope, DateTime Last);

    /// <summary>A batch's envelope is one to two megabytes; the buffers grow to it once per push.</summary>
    private const int EnvelopeCapacity = 2 * 1024 * 1024;

    /// <summary>The next batch after <paramref name="from"/> that the partner may receive, or null when there is none.</summary>
    private static async Task<Batch?> ReadBatchAsync(IQueryable<StixObjectVersion> released, DateTime from, ArrayBufferWriter<byte> envelope,
        CancellationToken cancellationToken)
    {
        var rows = await released.AsNoTracking().Where(o => o.DateAdded > from).OrderBy(o => o.DateAdded).Take(BatchSize)
            .Select(o => new { o.DateAdded, Json = StixJsonBytes.Utf8(o.Json) }).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : new Batch(Envelope(rows.Select(r => r.Json), envelope), rows[^1].DateAdded);
    }

    /// <summary>
    /// Waits for a batch read or POST still in flight when the push failed: the context must be free for the status update,
    /// and the failure that ended the push is the one reported (that batch is read and sent again next time).
    /// </summary>
    private static async Task SettleAsync(Task? pending)
    {
        if (pending is null)
        {
            return;
        }
        try
        {
            await pending;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Observed; the push's own error stands.
        }
    }

    /// <summary>What a batch's final status resource says: the counts and the first refusals (id: message).</summary>
    private sealed record BatchStatus(int Accepted, int Refused, string[] FirstRefusals);

    /// <summary>A status resource as far as the push reads it: complete (with its counts), pending (with its id), or neither.</summary>
    private sealed record StatusRead(string? Status, string? PendingId, BatchStatus? Complete);

    /// <summary>POSTs one envelope; returns its final status (polling <c>status/{id}/</c> while it is pending).</summary>
    private async Task<BatchStatus> PostAsync(HttpClient client, TaxiiSource source, ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken)
    {
        var root = source.ApiRootUrl.EndsWith('/') ? source.ApiRootUrl : source.ApiRootUrl + "/";
        using var request = Request(source, HttpMethod.Post, $"{root}collections/{Uri.EscapeDataString(source.RemoteCollectionId)}/objects/");
        request.Content = new ReadOnlyMemoryContent(envelope);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiEndpoints.MediaType);
        var status = await SendAsync(client, request, cancellationToken);
        for (var poll = 0; status.Status == "pending" && poll < 30; poll++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken);
            using var again = Request(source, HttpMethod.Get, $"{root}status/{Uri.EscapeDataString(status.PendingId!)}/");
            status = await SendAsync(client, again, cancellationToken);
        }
        return status.Complete ?? throw new TaxiiPullException("The remote did not complete the request in 30 seconds; the batch is sent again next time.");
    }

    private HttpRequestMessage Request(TaxiiSource source, HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd(TaxiiEndpoints.MediaType);
        var secret = puller.Protector.Unprotect(source.ProtectedSecret);
        request.Headers.Authorization = source.Username is { Length: > 0 } user
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")))
            : new AuthenticationHeaderValue("Bearer", secret);
        return request;
    }

    /// <summary>
    /// Sends a request and reads the status resource it answers with. The status of a batch lists every object (about
    /// 100 KB for 1,000): it is read into the pool (at most MaxPullPageBytes, as a pulled page) and only its counts and
    /// first refusals are kept, not read as a string and cloned whole (each on the large object heap, which brought on
    /// full collections).
    /// </summary>
    private async Task<StatusRead> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, cancellationToken);
        var url = request.RequestUri!.ToString();
        if (!response.IsSuccessStatusCode)
        {
            throw new TaxiiPullException($"{url} answered {(int)response.StatusCode}: {await TaxiiPuller.DescribeErrorAsync(response, cancellationToken)}");
        }
        using var body = await puller.ReadBodyAsync(response, url, cancellationToken);
        using var document = JsonDocument.Parse(body.Memory);
        var status = document.RootElement;
        var state = status.GetProperty("status").GetString();
        if (state == "pending")
        {
            return new StatusRead(state, status.GetProperty("id").GetString()!, null);
        }
        if (state != "complete")
        {
            return new StatusRead(state, null, null);
        }
        var refusals = new List<string>();
        if (status.TryGetProperty("failures", out var failures) && failures.ValueKind == JsonValueKind.Array)
        {
            foreach (var failure in failures.EnumerateArray().Take(5))
            {
                refusals.Add($"{Text(failure, "id")}: {Text(failure, "message")}");
            }
        }
        return new StatusRead(state, null, new BatchStatus(status.GetProperty("success_count").GetInt32(),
            status.TryGetProperty("failure_count", out var f) ? f.GetInt32() : 0, [.. refusals]));
    }

    /// <summary>
    /// The TAXII envelope of a batch: each object as stored, written as it is unless it names recipients, which are taken
    /// out of its release extension (they are user names of this node).
    /// </summary>
    private static ReadOnlyMemory<byte> Envelope(IEnumerable<byte[]> objects, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("objects");
            foreach (var json in objects)
            {
                if (json.AsSpan().IndexOf("\"named_recipients\""u8) >= 0)
                {
                    WithoutRecipients(json).WriteTo(w);
                }
                else
                {
                    w.WriteRawValue(json, skipInputValidation: true);
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }

    private static JsonObject WithoutRecipients(byte[] json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        if (node["extensions"]?[StixMarkings.ReleaseExtensionId] is JsonObject release)
        {
            release.Remove("named_recipients");
        }
        return node;
    }

    private static string Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "?";

    private async Task UpdateAsync(Guid sourceId, Action<TaxiiSource> change, CancellationToken cancellationToken, string? audit = null)
    {
        db.ChangeTracker.Clear();
        var source = await db.Set<TaxiiSource>().SingleAsync(s => s.Id == sourceId, CancellationToken.None);
        change(source);
        if (audit is not null)
        {
            db.Audit("push", nameof(TaxiiSource), sourceId, audit);
        }
        await db.SaveChangesAsync(cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken);
    }
}
