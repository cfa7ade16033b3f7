using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>Creating and listing collections; a new collection starts with the TLP 2.0 marking definitions and the JSMS extension-definition.</summary>
internal sealed class StixCollections(JsmsDbContext db, StixImporter importer, TimeProvider clock)
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
