using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary>The readable, not deleted incidents an export, the statistics or the map start from, narrowed by the filter in the database.</summary>
internal static class IncidentQueries
{
    public static IQueryable<Incident> Filtered(JsmsDbContext db, Caller caller, IncidentExportFilter filter)
    {
        var query = db.Readable<Incident>(caller).AsNoTracking().Where(i => i.DeletedAt == null);
        if (filter.From is { } from)
        {
            query = query.Where(i => i.OccurredOn >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(i => i.OccurredOn <= to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(i => i.Country == country);
        }
        if (!string.IsNullOrWhiteSpace(filter.Admin1))
        {
            var admin1 = filter.Admin1.Trim();
            query = query.Where(i => i.Admin1 == admin1);
        }
        if (filter.AttackType is { } attack)
        {
            query = query.Where(i => i.AttackTypes.Contains(attack));
        }
        if (!string.IsNullOrWhiteSpace(filter.Group))
        {
            var group = filter.Group.Trim();
            query = query.Where(i => i.Perpetrators.Any(p => p.Name == group));
        }
        return query;
    }

    /// <summary>Checks of the common query parameters, every problem at once.</summary>
    public static Dictionary<string, string[]> Check(IncidentExportFilter filter)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.From > filter.To)
        {
            errors["to"] = ["Before 'from'."];
        }
        if (filter.AttackType is { } code && !GtdCodes.AttackTypes.ContainsKey(code))
        {
            errors["attackType"] = ["Not a GTD attack type code (1–9)."];
        }
        if (filter.Country is { } country && !(country.Trim().Length == 2 && country.Trim().All(char.IsAsciiLetter)))
        {
            errors["country"] = ["An ISO 3166-1 alpha-2 code (PK)."];
        }
        if (filter.Admin1 is { Length: > IncidentLimits.PlaceName })
        {
            errors["admin1"] = [$"At most {IncidentLimits.PlaceName} characters."];
        }
        if (filter.Group is { Length: > IncidentLimits.GroupName })
        {
            errors["group"] = [$"At most {IncidentLimits.GroupName} characters."];
        }
        return errors;
    }
}
