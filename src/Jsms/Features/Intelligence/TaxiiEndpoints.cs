using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Jsms.Features.Intelligence;

/// <summary>
/// The TAXII 2.1 server under <c>/taxii2/</c> (docs/intelligence.md, docs/decisions/0008-taxii.md): discovery,
/// one API root (<c>/taxii2/api/</c>), collections, objects (GET, POST), one object, its versions, the
/// manifest and the status of a POST. Every answer, errors included, is <c>application/taxii+json;version=2.1</c>.
/// What a collection returns is filtered by the access policy in the database query; RED objects are never
/// served over TAXII. Pages are keyset pages over date_added: one query per page.
/// </summary>
internal static class TaxiiEndpoints
{
    public const string MediaType = "application/taxii+json;version=2.1";
    public const string StixMediaType = "application/stix+json;version=2.1";
    public const string ApiRoot = "/taxii2/api/";

    public static void Map(IEndpointRouteBuilder app)
    {
        var taxii = app.MapGroup("/taxii2")
            .RequireAuthorization(new AuthorizationPolicyBuilder(TaxiiBasicAuthenticationHandler.PolicySchemeName).RequireAuthenticatedUser().Build())
            .AddEndpointFilter(Negotiate)
            .ExcludeFromDescription();
        taxii.MapGet("/", Discovery);
        taxii.MapGet("/api/", ApiRootInformation);
        taxii.MapGet("/api/collections/", Collections);
        taxii.MapGet("/api/collections/{collectionId}/", OneCollection);
        taxii.MapGet("/api/collections/{collectionId}/manifest/", Manifest);
        taxii.MapGet("/api/collections/{collectionId}/objects/", GetObjects);
        taxii.MapPost("/api/collections/{collectionId}/objects/", AddObjects);
        taxii.MapGet("/api/collections/{collectionId}/objects/{objectId}/", GetObject);
        taxii.MapGet("/api/collections/{collectionId}/objects/{objectId}/versions/", Versions);
        taxii.MapDelete("/api/collections/{collectionId}/objects/{objectId}/", TaxiiDeleteEndpoint.DeleteObject);
        taxii.MapGet("/api/status/{statusId}/", Status);
    }

    /// <summary>
    /// Error statuses that no endpoint wrote a body for under <c>/taxii2</c> (a path that matches no endpoint, a method
    /// an endpoint does not take) get TAXII's error message resource, as every other TAXII error does, not ProblemDetails.
    /// </summary>
    public static IApplicationBuilder UseTaxiiStatusBodies(this IApplicationBuilder app)
        => app.UseWhen(context => context.Request.Path.StartsWithSegments("/taxii2"), branch => branch.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var description = status switch
            {
                StatusCodes.Status404NotFound => $"Nothing is served at {http.Request.Path}: the discovery resource is /taxii2/, the API root {ApiRoot}.",
                StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
                _ => ReasonPhrases.GetReasonPhrase(status),
            };
            return TaxiiError.WriteAsync(http, status, ReasonPhrases.GetReasonPhrase(status), description);
        }));

    /// <summary>
    /// Runs after authentication and before any body is read (handlers read the body themselves): 406 when
    /// the client does not accept TAXII 2.1, 415 for a POST that is not TAXII 2.1, 413 when the declared length
    /// is over the API root's max_content_length.
    /// </summary>
    private static async ValueTask<object?> Negotiate(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!AcceptsTaxii(http.Request))
        {
            return TaxiiError.Result(StatusCodes.Status406NotAcceptable, "Not acceptable",
                $"This server answers only with {MediaType}: send it in the Accept header.");
        }
        if (HttpMethods.IsPost(http.Request.Method))
        {
            if (!IsTaxii(http.Request.ContentType))
            {
                return TaxiiError.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                    $"Send the envelope as {MediaType}.");
            }
            var max = http.RequestServices.GetRequiredService<IOptions<IntelligenceOptions>>().Value.MaxContentLength;
            if (http.Request.ContentLength > max)
            {
                return TaxiiError.Result(StatusCodes.Status413PayloadTooLarge, "Content too large",
                    $"The body is larger than max_content_length ({max} bytes).");
            }
        }
        if (await Caller.ForRequestAsync(http) is null)
        {
            return TaxiiError.Result(StatusCodes.Status401Unauthorized, "Authentication required", "Your account is not active.");
        }
        return await next(context);
    }

    /// <summary>A media range of TAXII 2.1 (or of TAXII without a version: the latest, 2.1) that the client does not refuse with q=0.</summary>
    private static bool AcceptsTaxii(HttpRequest request)
        => MediaTypeHeaderValue.TryParseList(request.Headers.Accept.Select(a => a ?? "").ToList(), out var accepted)
           && accepted.Any(a => a.Quality is not 0 && IsTaxii(a.ToString()));

    private static bool IsTaxii(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var type)
            || !type.MediaType.Equals("application/taxii+json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var version = type.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase));
        return version is null || version.Value.Equals("2.1", StringComparison.Ordinal);
    }

    public static IResult Discovery(HttpContext http)
        => new TaxiiJson(StatusCodes.Status200OK, w =>
        {
            var root = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{ApiRoot}";
            w.WriteStartObject();
            w.WriteString("title", "JSMS TAXII 2.1 server");
            w.WriteString("description", "Counter-terrorism intelligence shared under each owner's release marking.");
            w.WriteString("default", root);
            w.WriteStartArray("api_roots");
            w.WriteStringValue(root);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    public static IResult ApiRootInformation(IOptions<IntelligenceOptions> options)
        => new TaxiiJson(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("title", "JSMS intelligence");
            w.WriteString("description", "STIX 2.1 collections of this JSMS node.");
            w.WriteStartArray("versions");
            w.WriteStringValue(MediaType);
            w.WriteEndArray();
            w.WriteNumber("max_content_length", options.Value.MaxContentLength);
            w.WriteEndObject();
        });

    public static async Task<IResult> Collections(Caller caller, JsmsDbContext db)
    {
        var collections = await db.Set<StixCollection>().AsNoTracking().OrderBy(c => c.Title).ToListAsync();
        return new TaxiiJson(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            if (collections.Count > 0)
            {
                w.WriteStartArray("collections");
                foreach (var c in collections)
                {
                    WriteCollection(w, c, caller);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> OneCollection(string collectionId, Caller caller, JsmsDbContext db)
    {
        var collection = await FindCollectionAsync(db, collectionId);
        return collection is null
            ? CollectionNotFound()
            : new TaxiiJson(StatusCodes.Status200OK, w => WriteCollection(w, collection, caller));
    }

    private static void WriteCollection(Utf8JsonWriter w, StixCollection c, Caller caller)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id.ToString());
        w.WriteString("title", c.Title);
        if (c.Description is not null)
        {
            w.WriteString("description", c.Description);
        }
        w.WriteBoolean("can_read", true);
        w.WriteBoolean("can_write", caller.CanWrite);
        w.WriteStartArray("media_types");
        w.WriteStringValue(StixMediaType);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static Task<IResult> GetObjects(string collectionId, HttpContext http, Caller caller, JsmsDbContext db)
        => PageAsync(collectionId, null, http, caller, db, TaxiiView.Objects);

    public static Task<IResult> GetObject(string collectionId, string objectId, HttpContext http, Caller caller, JsmsDbContext db)
        => PageAsync(collectionId, objectId, http, caller, db, TaxiiView.Objects);

    public static Task<IResult> Manifest(string collectionId, HttpContext http, Caller caller, JsmsDbContext db)
        => PageAsync(collectionId, null, http, caller, db, TaxiiView.Manifest);

    public static Task<IResult> Versions(string collectionId, string objectId, HttpContext http, Caller caller, JsmsDbContext db)
        => PageAsync(collectionId, objectId, http, caller, db, TaxiiView.Versions);

    private enum TaxiiView { Objects, Manifest, Versions }

    private static async Task<IResult> PageAsync(string collectionId, string? objectId, HttpContext http, Caller caller,
        JsmsDbContext db, TaxiiView view)
    {
        var collection = await FindCollectionAsync(db, collectionId);
        if (collection is null)
        {
            return CollectionNotFound();
        }
        var maxPage = http.RequestServices.GetRequiredService<IOptions<IntelligenceOptions>>().Value.MaxPageSize;
        var allowed = view switch
        {
            TaxiiView.Versions => TaxiiFilter.VersionsParameters,
            _ when objectId is not null => TaxiiFilter.ObjectParameters,
            _ => TaxiiFilter.AllParameters,
        };
        var (filter, error) = TaxiiFilter.Parse(http.Request.Query, maxPage, allowed,
            defaultVersion: view == TaxiiView.Versions ? "all" : "last");
        if (filter is null)
        {
            return TaxiiError.Result(StatusCodes.Status400BadRequest, "Bad request", error!);
        }
        if (objectId is not null)
        {
            filter = filter with { Ids = [objectId] };
        }
        var page = await StixQueries.PageAsync(db, caller, collection.Id, filter);
        if (objectId is not null && page.Rows.Count == 0 && filter.After is null)
        {
            return TaxiiError.Result(StatusCodes.Status404NotFound, "Not found", "No such object in this collection.");
        }
        var sensitive = page.Rows.Where(r => AccessPolicy.IsSensitive(r.Tlp)).ToList();
        if (view == TaxiiView.Objects && sensitive.Count > 0)
        {
            foreach (var row in sensitive)
            {
                db.Audit("read", nameof(StixObjectVersion), row.RowId, $"TAXII {row.StixId} {row.Version}");
            }
            // One statement for the page's entries, not one INSERT each (SQLite's EF Core provider does not batch them).
            await db.WriteAuditInBulkAsync();
        }
        var result = new TaxiiJson(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            if (page.Rows.Count > 0)
            {
                w.WriteBoolean("more", page.More);
                if (page.More)
                {
                    w.WriteString("next", TaxiiFilter.Next(page.Rows[^1].DateAdded));
                }
                switch (view)
                {
                    case TaxiiView.Objects:
                        w.WriteStartArray("objects");
                        foreach (var row in page.Rows)
                        {
                            w.WriteRawValue(row.Json, skipInputValidation: true);
                        }
                        w.WriteEndArray();
                        break;
                    case TaxiiView.Manifest:
                        w.WriteStartArray("objects");
                        foreach (var row in page.Rows)
                        {
                            w.WriteStartObject();
                            w.WriteString("id", row.StixId);
                            w.WriteString("date_added", StixTime.Format(row.DateAdded));
                            w.WriteString("version", row.Version);
                            w.WriteString("media_type", StixMediaType);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                        break;
                    case TaxiiView.Versions:
                        w.WriteStartArray("versions");
                        foreach (var row in page.Rows)
                        {
                            w.WriteStringValue(row.Version);
                        }
                        w.WriteEndArray();
                        break;
                }
            }
            w.WriteEndObject();
        });
        if (page.Rows.Count > 0)
        {
            result.Headers["X-TAXII-Date-Added-First"] = StixTime.Format(page.Rows[0].DateAdded);
            result.Headers["X-TAXII-Date-Added-Last"] = StixTime.Format(page.Rows[^1].DateAdded);
        }
        return result;
    }

    public static async Task<IResult> AddObjects(string collectionId, HttpContext http, Caller caller, JsmsDbContext db,
        StixImporter importer, TimeProvider clock, IOptions<IntelligenceOptions> options)
    {
        var collection = await FindCollectionAsync(db, collectionId);
        if (collection is null)
        {
            return CollectionNotFound();
        }
        if (!caller.CanWrite)
        {
            return TaxiiError.Result(StatusCodes.Status403Forbidden, "Forbidden", "Your role may read but not add objects.");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxContentLength;
        }
        var requested = clock.GetUtcNow().UtcDateTime;
        var status = new TaxiiStatus { Id = Guid.NewGuid(), CollectionId = collection.Id, UserId = caller.UserId, RequestTimestamp = requested };
        ImportReport report;
        try
        {
            // The body (at most max_content_length) is received whole before the import takes the write and audit locks, so
            // a slow client holds neither; then the objects, their audit entries and the status resource are committed in
            // one transaction: a body that turns out not to be an envelope leaves nothing behind.
            using var received = await PooledBody.ReadAsync(http.Request.Body, http.Request.ContentLength,
                options.Value.MaxContentLength, http.RequestAborted);
            await using var body = received.OpenRead();
            report = await importer.ImportAsync(caller, collection, body, null, fromRemote: false, report =>
            {
                status.Json = StatusJson(status, report);
                db.Add(status);
                return Task.CompletedTask;
            }, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return TaxiiError.Result(StatusCodes.Status400BadRequest, "Bad request", "The body is not a TAXII envelope: " + e.Message);
        }
        catch (Exception e) when (e is BodyTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TaxiiError.Result(StatusCodes.Status413PayloadTooLarge, "Content too large",
                $"The body is larger than max_content_length ({options.Value.MaxContentLength} bytes).");
        }
        return new TaxiiJson(StatusCodes.Status202Accepted, w => w.WriteRawValue(status.Json, skipInputValidation: true));
    }

    private static string StatusJson(TaxiiStatus status, ImportReport report)
    {
        // About 100 bytes per object: written into the pool, so the only large array is the string that is stored.
        using var buffer = new PooledBufferWriter();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", status.Id.ToString());
            w.WriteString("status", "complete");
            w.WriteString("request_timestamp", StixTime.Format(status.RequestTimestamp));
            w.WriteNumber("total_count", report.Total);
            w.WriteNumber("success_count", report.Accepted);
            w.WriteStartArray("successes");
            foreach (var s in report.Successes)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("version", s.Version);
                w.WriteString("message", s.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("failure_count", report.Refused);
            w.WriteStartArray("failures");
            foreach (var f in report.Failures)
            {
                w.WriteStartObject();
                w.WriteString("id", f.Id ?? $"objects[{f.Index}]");
                w.WriteString("version", f.Version ?? "");
                w.WriteString("message", f.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("pending_count", 0);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static async Task<IResult> Status(string statusId, Caller caller, JsmsDbContext db)
    {
        var json = Guid.TryParse(statusId, out var id)
            ? await db.Set<TaxiiStatus>().AsNoTracking().Where(s => s.Id == id && s.UserId == caller.UserId).Select(s => s.Json).FirstOrDefaultAsync()
            : null;
        return json is null
            ? TaxiiError.Result(StatusCodes.Status404NotFound, "Not found", "No such status for your account.")
            : new TaxiiJson(StatusCodes.Status200OK, w => w.WriteRawValue(json, skipInputValidation: true));
    }

    private static async Task<StixCollection?> FindCollectionAsync(JsmsDbContext db, string collectionId)
        => Guid.TryParse(collectionId, out var id)
            ? await db.Set<StixCollection>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id)
            : null;

    private static IResult CollectionNotFound()
        => TaxiiError.Result(StatusCodes.Status404NotFound, "Not found", "No such collection.");
}
