using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Intelligence;

/// <summary><c>/api/intelligence/collections</c>: list and create collections, import a STIX bundle into one.</summary>
internal static class StixCollectionsEndpoints
{
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
}
