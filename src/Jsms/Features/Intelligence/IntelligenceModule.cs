using Jsms.Features.Access;
using Jsms.Features.Accounts;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Intelligence;

public sealed record CollectionDto(Guid Id, string Title, string? Description, string DefaultTlp, string TaxiiUrl);

public sealed record CreateCollectionRequest(string? Title, string? Description, string? DefaultTlp);

public sealed record StixObjectSummary(string Id, string Type, string? Name, string Version, string Tlp, bool Revoked, Guid CollectionId, DateTime DateAdded);

/// <summary>
/// STIX 2.1 intelligence: collections and their object versions (<c>/api/intelligence</c>), the bundle import
/// with its report, and the TAXII 2.1 server (<see cref="TaxiiEndpoints"/>). See docs/intelligence.md.
/// </summary>
public static class IntelligenceModule
{
    public static IServiceCollection AddIntelligence(this IServiceCollection services)
    {
        services.AddOptions<IntelligenceOptions>().BindConfiguration(IntelligenceOptions.Section);
        services.AddSingleton<ExchangeGates>();
        services.AddScoped<StixImporter>();
        services.AddScoped<StixCollections>();
        services.AddScoped<TaxiiPuller>();
        services.AddScoped<RfiService>();
        services.AddScoped<StixAuthoring>();
        services.AddScoped<TaxiiPusher>();
        services.AddSingleton<RfiMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<RfiMonitor>());
        services.AddHttpClient(TaxiiPuller.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<IntelligenceOptions>>().Value.PullTimeoutSeconds));
        services.AddHostedService<TaxiiPullService>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TaxiiBasicAuthenticationHandler>(TaxiiBasicAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(TaxiiBasicAuthenticationHandler.PolicySchemeName, "TAXII: Basic or bearer", o =>
            {
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
                    ? TaxiiBasicAuthenticationHandler.SchemeName
                    : TokenAuthenticationHandler.SchemeName;
                // Challenges and refusals answer with a TAXII error resource, whichever scheme was tried.
                o.ForwardChallenge = TaxiiBasicAuthenticationHandler.SchemeName;
                o.ForwardForbid = TaxiiBasicAuthenticationHandler.SchemeName;
            });
        return services;
    }

    public static IEndpointRouteBuilder MapIntelligence(this IEndpointRouteBuilder app)
    {
        TaxiiEndpoints.Map(app);
        var group = app.MapApiGroup("/intelligence", "Intelligence");
        group.MapGet("/collections", ListCollections);
        group.MapGet("/objects", SearchObjects);
        group.MapGet("/objects/{stixId}", GetObject);
        TaxiiSourcesEndpoints.Map(group);
        var writes = group.MapWritesGroup();
        writes.MapPost("/collections", CreateCollection);
        writes.MapPost("/collections/{id:guid}/import", Import).Accepts<object>("application/json");
        RfisEndpoints.Map(group, writes);
        StixAuthoringEndpoints.Map(writes);
        return app;
    }


    public static async Task<Ok<List<CollectionDto>>> ListCollections(Caller caller, StixCollections collections)
        => TypedResults.Ok(await collections.ListAsync());

    public static async Task<Results<Created<CollectionDto>, ValidationProblem>> CreateCollection(CreateCollectionRequest request,
        Caller caller, StixCollections collections)
    {
        var (dto, errors) = await collections.CreateAsync(caller, request);
        return dto is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/intelligence/collections/{dto.Id}", dto);
    }

    /// <summary>
    /// Imports a STIX bundle (the request body, read as a stream). Objects without a TLP marking get
    /// <paramref name="tlp"/> (else the collection's default); objects without the JSMS release extension get
    /// <paramref name="releaseTo"/> and <paramref name="recipients"/> (comma-separated).
    /// </summary>
    public static async Task<Results<Ok<ImportReport>, NotFound, ValidationProblem>> Import(Guid id, string? tlp, string? releaseTo,
        string? recipients, HttpContext http, Caller caller, JsmsDbContext db, StixImporter importer, IOptions<IntelligenceOptions> options)
    {
        var collection = await db.Set<StixCollection>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (collection is null)
        {
            return TypedResults.NotFound();
        }
        if (tlp is not null && !TlpNames.TryParse(tlp, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tlp"] = [$"'{tlp}' is not a TLP 2.0 level."] });
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxImportBytes;
        }
        try
        {
            var defaults = new MarkingInput(tlp, Split(releaseTo), Split(recipients));
            return TypedResults.Ok(await importer.ImportAsync(caller, collection, http.Request.Body, defaults, http.RequestAborted));
        }
        catch (System.Text.Json.JsonException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Not a STIX bundle: " + e.Message] });
        }
    }

    private static string[] Split(string? text)
        => (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The latest readable version of each matching object (full text in name and description, type, marking, time added).</summary>
    /// <remarks>
    /// Pages of <c>limit</c> (default and at most 200) results, newest first; when there are more, the <c>Link</c> header
    /// carries the next page (<c>rel="next"</c>, keyset: <c>after</c> is where this page ended). <c>actor</c> is a threat-actor's
    /// STIX id: objects related to it (relationships, sightings, and reports, groupings, notes and opinions that refer to it).
    /// </remarks>
    public static async Task<Results<Ok<List<StixObjectSummary>>, ValidationProblem>> SearchObjects(string? q, string? type, string? tlp, DateTime? from,
        DateTime? to, string? actor, string? after, int? limit, HttpContext http, Caller caller, JsmsDbContext db)
    {
        if (limit is < 1 or > StixBrowse.MaxPage)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Between 1 and {StixBrowse.MaxPage}."] });
        }
        if (after is not null && !StixBrowse.TryParseCursor(after, out _, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = ["Not a value this server gave in a Link header."] });
        }
        var (items, next) = await StixBrowse.SearchPageAsync(db, caller, new StixSearch(q, type, tlp, from, to, actor, after), limit ?? StixBrowse.MaxPage);
        if (next is not null)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            query["after"] = next;
            var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.Path, query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
            http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        }
        return TypedResults.Ok(items);
    }

    /// <summary>One object: its readable versions (newest first) and the readable relationships and sightings that point at it or from it.</summary>
    public static async Task<Results<Ok<StixObjectDetail>, NotFound>> GetObject(string stixId, Caller caller, JsmsDbContext db)
        => await StixBrowse.DetailAsync(db, caller, stixId) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();
}

public sealed record StixObjectDetail(string Id, string Type, IReadOnlyList<StixVersionDto> Versions, IReadOnlyList<StixObjectSummary> Relationships);

public sealed record StixVersionDto(string Version, string Tlp, DateTime DateAdded, bool Revoked, System.Text.Json.JsonElement Content);

/// <summary>The search criteria of the API and the search page (all optional).</summary>
public sealed record StixSearch(string? Q, string? Type, string? Tlp, DateTime? From, DateTime? To, string? Actor = null, string? After = null);

/// <summary>Search and object detail, shared by the API and the pages; every query goes through the access policy.</summary>
public static class StixBrowse
{
    public const int MaxPage = 200;

    public static async Task<List<StixObjectSummary>> SearchAsync(JsmsDbContext db, Caller caller, StixSearch search, int max = MaxPage)
        => (await SearchPageAsync(db, caller, search, max)).Items;

    /// <summary>The keyset cursor of a result: its date added (ticks) and STIX id.</summary>
    public static string Cursor(StixObjectSummary o) => $"{o.DateAdded.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)}_{o.Id}";

    public static bool TryParseCursor(string text, out DateTime dateAdded, out string stixId)
    {
        dateAdded = default;
        stixId = "";
        var at = text.IndexOf('_', StringComparison.Ordinal);
        if (at <= 0 || !long.TryParse(text.AsSpan(0, at), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks || text.Length - at > 301)
        {
            return false;
        }
        dateAdded = new DateTime(ticks, DateTimeKind.Utc);
        stixId = text[(at + 1)..];
        return true;
    }

    /// <summary>One page of results, newest first, and the cursor of the next page (null when this is the last).</summary>
    public static async Task<(List<StixObjectSummary> Items, string? Next)> SearchPageAsync(JsmsDbContext db, Caller caller, StixSearch search, int max = MaxPage)
    {
        var readable = db.Readable<StixObjectVersion>(caller);
        var query = readable.AsNoTracking()
            .Where(o => !readable.Any(n => n.CollectionId == o.CollectionId && n.StixId == o.StixId && n.Modified > o.Modified));
        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            var text = search.Q.Trim().ToLowerInvariant();
            query = query.Where(o => o.SearchText != null && o.SearchText.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(search.Type))
        {
            var type = search.Type.Trim();
            query = query.Where(o => o.Type == type);
        }
        if (!string.IsNullOrWhiteSpace(search.Tlp) && TlpNames.TryParse(search.Tlp, out var level))
        {
            query = query.Where(o => o.Tlp == level);
        }
        if (search.From is { } f)
        {
            var start = f.ToUniversalTime();
            query = query.Where(o => o.Modified >= start);
        }
        if (search.To is { } t)
        {
            var end = t.ToUniversalTime();
            query = query.Where(o => o.Modified < end);
        }
        if (!string.IsNullOrWhiteSpace(search.Actor))
        {
            // Objects related to the actor: the other end of its readable relationships and sightings, and the objects that refer to it.
            var actor = search.Actor.Trim();
            var linked = readable.Where(r => r.SourceRef == actor).Select(r => r.TargetRef)
                .Concat(readable.Where(r => r.TargetRef == actor).Select(r => r.SourceRef));
            query = query.Where(o => linked.Contains(o.StixId)
                || ((o.Type == "report" || o.Type == "grouping" || o.Type == "note" || o.Type == "opinion") && o.Json.Contains(actor)));
        }
        if (search.After is not null && TryParseCursor(search.After, out var afterAdded, out var afterId))
        {
            query = query.Where(o => o.DateAdded < afterAdded || (o.DateAdded == afterAdded && string.Compare(o.StixId, afterId) < 0));
        }
        var rows = await query.OrderByDescending(o => o.DateAdded).ThenByDescending(o => o.StixId).Take(max + 1)
            .Select(o => new { o.StixId, o.Type, o.Name, o.Version, o.Tlp, o.Revoked, o.CollectionId, o.DateAdded }).ToListAsync();
        var items = rows.Take(max).Select(o => new StixObjectSummary(o.StixId, o.Type, o.Name, o.Version, o.Tlp.Label(), o.Revoked, o.CollectionId, o.DateAdded)).ToList();
        return (items, rows.Count > max ? Cursor(items[^1]) : null);
    }

    /// <summary>The readable versions of an object (newest first) and readable relationships from or to it; null when none is readable. Audits sensitive reads.</summary>
    public static async Task<StixObjectDetail?> DetailAsync(JsmsDbContext db, Caller caller, string stixId)
    {
        var versions = await db.Readable<StixObjectVersion>(caller).AsNoTracking().Where(o => o.StixId == stixId)
            .OrderByDescending(o => o.Modified).Select(o => new { o.Id, o.Type, o.Version, o.Tlp, o.DateAdded, o.Revoked, o.Json }).ToListAsync();
        if (versions.Count == 0)
        {
            return null;
        }
        var related = await db.Readable<StixObjectVersion>(caller).AsNoTracking()
            .Where(o => o.SourceRef == stixId || o.TargetRef == stixId)
            .OrderByDescending(o => o.DateAdded).Take(200)
            .Select(o => new { o.StixId, o.Type, o.Name, o.Version, o.Tlp, o.Revoked, o.CollectionId, o.DateAdded }).ToListAsync();
        foreach (var v in versions.Where(v => AccessPolicy.IsSensitive(v.Tlp)))
        {
            db.Audit("read", nameof(StixObjectVersion), v.Id, $"{stixId} {v.Version}");
        }
        await db.SaveChangesAsync();
        return new StixObjectDetail(stixId, versions[0].Type,
            [.. versions.Select(v => new StixVersionDto(v.Version, v.Tlp.Label(), v.DateAdded, v.Revoked, System.Text.Json.JsonDocument.Parse(v.Json).RootElement))],
            [.. related.Select(o => new StixObjectSummary(o.StixId, o.Type, o.Name, o.Version, o.Tlp.Label(), o.Revoked, o.CollectionId, o.DateAdded))]);
    }

    /// <summary>The latest readable version of each of the given objects: id, type and name (for links to related objects).</summary>
    public static async Task<Dictionary<string, (string Type, string? Name)>> VisibleAsync(JsmsDbContext db, Caller caller, IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var list = ids.ToList();
        var rows = await db.Readable<StixObjectVersion>(caller).AsNoTracking().Where(o => list.Contains(o.StixId))
            .OrderByDescending(o => o.Modified).Select(o => new { o.StixId, o.Type, o.Name }).ToListAsync();
        return rows.DistinctBy(r => r.StixId).ToDictionary(r => r.StixId, r => (r.Type, r.Name), StringComparer.Ordinal);
    }
}

/// <summary>Creating and listing collections; a new collection starts with the TLP 2.0 marking definitions and the JSMS extension-definition.</summary>
public sealed class StixCollections(JsmsDbContext db, StixImporter importer, TimeProvider clock)
{
    public async Task<List<CollectionDto>> ListAsync()
        => (await db.Set<StixCollection>().AsNoTracking().OrderBy(c => c.Title).ToListAsync())
            .Select(c => new CollectionDto(c.Id, c.Title, c.Description, c.DefaultTlp.Label(), $"{TaxiiEndpoints.ApiRoot}collections/{c.Id}/")).ToList();

    public async Task<(CollectionDto?, Dictionary<string, string[]>)> CreateAsync(Caller caller, CreateCollectionRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            errors["title"] = ["A title of at most 200 characters is required."];
        }
        if (request.Description?.Length > 2000)
        {
            errors["description"] = ["At most 2000 characters."];
        }
        var tlp = Tlp.Amber;
        if (request.DefaultTlp is not null && !TlpNames.TryParse(request.DefaultTlp, out tlp))
        {
            errors["defaultTlp"] = [$"'{request.DefaultTlp}' is not a TLP 2.0 level."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var collection = new StixCollection
        {
            Id = Guid.NewGuid(),
            Title = request.Title!.Trim(),
            Description = request.Description?.Trim(),
            DefaultTlp = tlp,
            CreatedByAgencyId = caller.AgencyId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(collection);
        db.Audit("create", nameof(StixCollection), collection.Id, collection.Title);
        await db.SaveChangesAsync();
        await using var definitions = StixImporter.Envelope([.. StixMarkings.Tlp2Definitions(), StixMarkings.ReleaseExtensionDefinition()]);
        await importer.ImportAsync(caller, collection, definitions, new MarkingInput("CLEAR", [], []));
        return (new CollectionDto(collection.Id, collection.Title, collection.Description, tlp.Label(), $"{TaxiiEndpoints.ApiRoot}collections/{collection.Id}/"), errors);
    }
}
