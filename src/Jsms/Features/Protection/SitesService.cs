using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Protection;

/// <summary>
/// The use cases of protected sites, shared by the API (<see cref="ProtectionModule"/>) and the pages.
/// Every query starts from <see cref="AccessPolicy.Readable{T}"/> or <see cref="AccessPolicy.Writable{T}"/>;
/// a record the caller may not read (or change) is null / not found. Every change bumps <see cref="SiteChanges"/>.
/// </summary>
internal sealed class SitesService(JsmsDbContext db, ReleaseMarkings markings, SiteChanges changes, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<SiteDto>> ListSitesAsync(Caller caller)
    {
        var sites = await db.Readable<Site>(caller).AsNoTracking().OrderBy(s => s.Name).ToListAsync();
        var marks = await markings.DescribeAsync(sites.Select(ProtectionRecords.Key).ToList());
        return sites.Select(s => ToDto(s, marks[s.Id])).ToList();
    }

    public async Task<SiteDto?> GetSiteAsync(Caller caller, Guid id)
    {
        var site = await db.Readable<Site>(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        return site is null ? null : ToDto(site, await markings.DescribeAsync(site));
    }

    /// <summary>The readable sites whose perimeter comes within <paramref name="metres"/> of a point (<see cref="SitesNear"/>).</summary>
    public async Task<List<SiteDto>> ListSitesNearAsync(Caller caller, double latitude, double longitude, double metres)
    {
        var sites = await SitesNear.ListAsync(db.Readable<Site>(caller).AsNoTracking(), db.Database, latitude, longitude, metres);
        var marks = await markings.DescribeAsync(sites.Select(ProtectionRecords.Key).ToList());
        return sites.Select(s => ToDto(s, marks[s.Id])).ToList();
    }

    private static SiteDto ToDto(Site s, MarkingDto marking) => new(s.Id, s.Name, s.Project, Geo.ToJson(s.Perimeter),
        s.WatchDistanceMetres, s.LoiteringThresholdMinutes, s.SecurityLevel, s.Contacts, marking);

    public async Task<Outcome<SiteDto>> CreateSiteAsync(Caller caller, SiteRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var site = new Site { Id = Guid.NewGuid(), CreatedAt = Now };
        ApplySite(site, request, errors);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<SiteDto>(errors);
        }
        markings.ApplyToNew(site, marking!, caller);
        db.Add(site);
        await db.SaveChangesAsync();
        changes.Bump();
        return Outcome.Ok(ToDto(site, await markings.DescribeAsync(site)));
    }

    public async Task<Outcome<SiteDto>> UpdateSiteAsync(Caller caller, Guid id, SiteRequest request)
    {
        var site = await db.Writable<Site>(caller).FirstOrDefaultAsync(s => s.Id == id);
        if (site is null)
        {
            return Outcome.NotFound<SiteDto>();
        }
        var errors = new Dictionary<string, string[]>();
        ApplySite(site, request, errors);
        var marking = await markings.ResolveChangeAsync(request.Marking, site.Tlp, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<SiteDto>(errors);
        }
        if (marking is not null)
        {
            await markings.ReplaceAsync(site, marking);
        }
        await db.SaveChangesAsync();
        changes.Bump();
        return Outcome.Ok(ToDto(site, await markings.DescribeAsync(site)));
    }

    private static void ApplySite(Site site, SiteRequest request, Dictionary<string, string[]> errors)
    {
        site.Name = Validate.Text(errors, "name", request.Name, 200, true) ?? "";
        site.Project = Validate.Text(errors, "project", request.Project, 200, false);
        site.Contacts = Validate.Text(errors, "contacts", request.Contacts, 2000, false);
        if (request.Perimeter is not { } perimeter || perimeter.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            errors["perimeter"] = ["Required: a GeoJSON Polygon, longitude first."];
        }
        else
        {
            var (polygon, problem) = Geo.ReadPolygon(perimeter);
            if (polygon is null)
            {
                errors["perimeter"] = ["The perimeter " + problem];
            }
            else
            {
                site.Perimeter = polygon;
            }
        }
        if (request.WatchDistanceMetres is not { } watch || !double.IsFinite(watch) || watch < 0 || watch > 50_000)
        {
            errors["watchDistanceMetres"] = ["Required: metres from the perimeter, 0 to 50000."];
        }
        else
        {
            site.WatchDistanceMetres = watch;
        }
        if (request.LoiteringThresholdMinutes is not { } threshold || threshold < 1 || threshold > 24 * 60)
        {
            errors["loiteringThresholdMinutes"] = ["Required: minutes, 1 to 1440."];
        }
        else
        {
            site.LoiteringThresholdMinutes = threshold;
        }
        if (string.IsNullOrWhiteSpace(request.SecurityLevel))
        {
            site.SecurityLevel = SecurityLevel.Medium;
        }
        else if (Enum.TryParse<SecurityLevel>(request.SecurityLevel, ignoreCase: true, out var level) && Enum.IsDefined(level))
        {
            site.SecurityLevel = level;
        }
        else
        {
            errors["securityLevel"] = ["One of Low, Medium, High, Critical."];
        }
    }

    public async Task<bool> DeleteSiteAsync(Caller caller, Guid id)
    {
        var site = await db.Writable<Site>(caller).FirstOrDefaultAsync(s => s.Id == id);
        if (site is null)
        {
            return false;
        }
        db.Remove(site);
        await markings.RemoveAsync(id);
        await db.SaveChangesAsync();
        changes.Bump();
        return true;
    }
}
