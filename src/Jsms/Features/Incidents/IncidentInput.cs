using System.Text.RegularExpressions;
using Jsms.Features.Protection;
using Jsms.Platform.Web;

namespace Jsms.Features.Incidents;

/// <summary>
/// Checks an <see cref="IncidentRequest"/> and writes it onto an incident: every problem is reported under the field that
/// has it (<c>casualties[1].killedLow</c>), all at once; nothing is written when there is one.
/// </summary>
internal static partial class IncidentInput
{
    /// <summary>Upper bound of one figure: more than any attack has killed, small enough to sum safely.</summary>
    public const int MaxFigure = 100_000;

    public static Dictionary<string, string[]> Check(IncidentRequest r, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        Validate.Text(errors, "title", r.Title, IncidentLimits.Title, true);
        Validate.Text(errors, "summary", r.Summary, IncidentLimits.Summary, false);
        if (r.OccurredOn is not { } on)
        {
            errors["occurredOn"] = ["Required: the day of the attack (yyyy-MM-dd), or the first day of its period."];
        }
        else
        {
            if (on > today)
            {
                errors["occurredOn"] = [$"Lies in the future (today is {today:yyyy-MM-dd})."];
            }
            else if (on.Year < 1900)
            {
                errors["occurredOn"] = ["Before 1900."];
            }
            if (r.OccurredUntil is { } until && (until < on || until > today))
            {
                errors["occurredUntil"] = ["Must lie between occurredOn and today."];
            }
        }
        if (r.DatePrecision is { } dp && !Enum.IsDefined(dp))
        {
            errors["datePrecision"] = ["One of Day, Week, Month, Year."];
        }
        if (r.PlacePrecision is { } pp && !Enum.IsDefined(pp))
        {
            errors["placePrecision"] = ["One of Exact, Near, Admin2, Admin1, Country."];
        }
        if ((r.Latitude is null) != (r.Longitude is null))
        {
            errors[r.Latitude is null ? "latitude" : "longitude"] = ["Give both latitude and longitude, or neither."];
        }
        if (r.Latitude is { } lat && !Geo.IsLatitude(lat))
        {
            errors["latitude"] = ["Degrees from -90 to 90."];
        }
        if (r.Longitude is { } lon && !Geo.IsLongitude(lon))
        {
            errors["longitude"] = ["Degrees from -180 to 180."];
        }
        if (string.IsNullOrWhiteSpace(r.Country) || !CountryCode().IsMatch(r.Country.Trim()))
        {
            errors["country"] = ["Required: the ISO 3166-1 alpha-2 code (PK)."];
        }
        Validate.Text(errors, "admin1", r.Admin1, IncidentLimits.PlaceName, false);
        Validate.Text(errors, "admin2", r.Admin2, IncidentLimits.PlaceName, false);
        Validate.Text(errors, "locationName", r.LocationName, IncidentLimits.PlaceName, false);
        Validate.Text(errors, "project", r.Project, 200, false);
        Codes(errors, "attackTypes", r.AttackTypes, GtdCodes.AttackTypes, Incident.MaxAttackTypes);
        Codes(errors, "weaponTypes", r.WeaponTypes, GtdCodes.WeaponTypes, Incident.MaxWeaponTypes);
        Codes(errors, "targetTypes", r.TargetTypes, GtdCodes.TargetTypes, Incident.MaxTargetTypes);

        var perpetrators = r.Perpetrators ?? [];
        if (perpetrators.Length > IncidentLimits.Perpetrators)
        {
            errors["perpetrators"] = [$"At most {IncidentLimits.Perpetrators} groups."];
        }
        for (var i = 0; i < perpetrators.Length; i++)
        {
            var p = perpetrators[i];
            var key = $"perpetrators[{i}]";
            if (p is null)
            {
                errors[key] = ["Required."];
                continue;
            }
            Validate.Text(errors, key + ".name", p.Name, IncidentLimits.GroupName, true);
            Validate.Text(errors, key + ".claimMode", p.ClaimMode, IncidentLimits.ClaimMode, false);
            if (p.Claimed is { } claimed && !Enum.IsDefined(claimed))
            {
                errors[key + ".claimed"] = ["One of Yes, No, Unknown."];
            }
            if (p.StixThreatActorId is { Length: > 0 } actor && !StixId(actor, "threat-actor"))
            {
                errors[key + ".stixThreatActorId"] = ["A STIX threat-actor id (threat-actor--<uuid>)."];
            }
        }
        if (perpetrators.Where(p => p?.Name is not null).GroupBy(p => p.Name!.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            errors["perpetrators"] = ["A group is named twice."];
        }

        var casualties = r.Casualties ?? [];
        for (var i = 0; i < casualties.Length; i++)
        {
            var c = casualties[i];
            var key = $"casualties[{i}]";
            if (c is null || c.VictimClass is not { } victims || !Enum.IsDefined(victims))
            {
                errors[key + ".victimClass"] = ["Required: SecurityForces, Civilians, ForeignNationals, Perpetrators or Unknown."];
                continue;
            }
            Estimate(errors, key + ".killed", c.KilledLow, c.KilledBest, c.KilledHigh);
            Estimate(errors, key + ".injured", c.InjuredLow, c.InjuredBest, c.InjuredHigh);
        }
        if (casualties.Where(c => c?.VictimClass is not null).GroupBy(c => c.VictimClass).Any(g => g.Count() > 1))
        {
            errors["casualties"] = ["A victim class is counted twice."];
        }

        var sources = r.Sources ?? [];
        if (sources.Length > IncidentLimits.Sources)
        {
            errors["sources"] = [$"At most {IncidentLimits.Sources} sources."];
        }
        for (var i = 0; i < sources.Length; i++)
        {
            var s = sources[i];
            var key = $"sources[{i}]";
            if (s is null)
            {
                errors[key] = ["Required."];
                continue;
            }
            Validate.Text(errors, key + ".name", s.Name, IncidentLimits.SourceName, true);
            if (Validate.Text(errors, key + ".url", s.Url, IncidentLimits.Url, false) is { } url
                && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                errors[key + ".url"] = ["An absolute http or https address."];
            }
            if (s.PublishedOn is { } published && published > today)
            {
                errors[key + ".publishedOn"] = ["Lies in the future."];
            }
            Validate.Text(errors, key + ".sourceEventId", s.SourceEventId, IncidentLimits.SourceEventId, false);
            if (s.Format is { } format && !Enum.IsDefined(format))
            {
                errors[key + ".format"] = ["One of Manual, Gtd, Acled, Ucdp."];
            }
            Figure(errors, key + ".killed", s.Killed);
            Figure(errors, key + ".injured", s.Injured);
        }

        Links(errors, "siteIds", r.SiteIds?.Length);
        Links(errors, "personIds", r.PersonIds?.Length);
        Links(errors, "alertIds", r.AlertIds?.Length);
        Links(errors, "stixIds", r.StixIds?.Length);
        var stix = r.StixIds ?? [];
        for (var i = 0; i < stix.Length; i++)
        {
            if (!StixId(stix[i], null))
            {
                errors[$"stixIds[{i}]"] = ["A STIX id (type--<uuid>)."];
            }
        }
        if (r.ExpectedVersion is < 1)
        {
            errors["expectedVersion"] = ["The version read (1 or more)."];
        }
        return errors;
    }

    /// <summary>Writes a checked request onto the incident (its children replaced), and sums the best estimates.</summary>
    public static void Apply(Incident incident, IncidentRequest r)
    {
        incident.Title = r.Title!.Trim();
        incident.Summary = r.Summary?.Trim() ?? "";
        incident.OccurredOn = r.OccurredOn!.Value;
        incident.OccurredUntil = r.OccurredUntil;
        incident.DatePrecision = r.DatePrecision ?? DatePrecision.Day;
        incident.TimeOfDay = r.TimeOfDay;
        incident.Point = r.Latitude is { } lat && r.Longitude is { } lon ? Geo.Point(lat, lon) : null;
        incident.Latitude = r.Latitude;
        incident.Longitude = r.Longitude;
        incident.Country = r.Country!.Trim().ToUpperInvariant();
        incident.Admin1 = Trimmed(r.Admin1);
        incident.Admin2 = Trimmed(r.Admin2);
        incident.LocationName = Trimmed(r.LocationName);
        incident.PlacePrecision = r.PlacePrecision ?? (incident.Point is null ? PlacePrecision.Country : PlacePrecision.Exact);
        incident.AttackTypes = [.. (r.AttackTypes ?? [])];
        incident.WeaponTypes = [.. (r.WeaponTypes ?? [])];
        incident.TargetTypes = [.. (r.TargetTypes ?? [])];
        incident.Suicide = r.Suicide ?? false;
        incident.Success = r.Success ?? true;
        incident.PropertyDamage = r.PropertyDamage;
        incident.HostagesOrKidnapping = r.HostagesOrKidnapping;
        incident.Perpetrators = [.. (r.Perpetrators ?? []).Select((p, i) => new IncidentPerpetrator
        {
            // Ids given here: the importer writes these rows in bulk, with no key generation of EF Core's.
            Id = Guid.NewGuid(), IncidentId = incident.Id, Ordinal = i, Name = p.Name!.Trim(), Claimed = p.Claimed ?? ClaimStatus.Unknown,
            ClaimMode = Trimmed(p.ClaimMode), StixThreatActorId = Trimmed(p.StixThreatActorId),
        })];
        incident.Casualties = [.. (r.Casualties ?? []).Select(c => new IncidentCasualty
        {
            IncidentId = incident.Id, VictimClass = c.VictimClass!.Value,
            KilledLow = c.KilledLow, KilledBest = c.KilledBest ?? 0, KilledHigh = c.KilledHigh,
            InjuredLow = c.InjuredLow, InjuredBest = c.InjuredBest ?? 0, InjuredHigh = c.InjuredHigh,
        }).OrderBy(c => c.VictimClass)];
        incident.Sources = [.. (r.Sources ?? []).Select(s => new IncidentSource
        {
            Id = Guid.NewGuid(), IncidentId = incident.Id, Name = s.Name!.Trim(), Url = Trimmed(s.Url), PublishedOn = s.PublishedOn,
            Format = s.Format ?? SourceFormat.Manual, SourceEventId = Trimmed(s.SourceEventId), Killed = s.Killed, Injured = s.Injured,
        })];
        incident.SiteIds = [.. (r.SiteIds ?? []).Distinct()];
        incident.PersonIds = [.. (r.PersonIds ?? []).Distinct()];
        incident.AlertIds = [.. (r.AlertIds ?? []).Distinct()];
        incident.StixIds = [.. (r.StixIds ?? []).Select(s => s.Trim()).Distinct()];
        incident.Project = Trimmed(r.Project);
        Total(incident);
    }

    /// <summary>The denormalised totals: the best estimates summed over the victim classes.</summary>
    public static void Total(Incident incident)
    {
        incident.KilledBest = incident.Casualties.Sum(c => c.KilledBest);
        incident.InjuredBest = incident.Casualties.Sum(c => c.InjuredBest);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Codes(Dictionary<string, string[]> errors, string field, int[]? codes, IReadOnlyDictionary<int, string> list, int max)
    {
        if (codes is null)
        {
            return;
        }
        if (codes.Length > max)
        {
            errors[field] = [$"At most {max} codes."];
            return;
        }
        for (var i = 0; i < codes.Length; i++)
        {
            if (!list.ContainsKey(codes[i]))
            {
                errors[$"{field}[{i}]"] = [$"Not a code of the list ({list.Keys.Min()}–{list.Keys.Max()}, GET /api/incidents/codes)."];
            }
        }
        if (codes.Distinct().Count() != codes.Length)
        {
            errors[field] = ["A code is given twice."];
        }
    }

    private static void Estimate(Dictionary<string, string[]> errors, string field, int? low, int? best, int? high)
    {
        Figure(errors, field + "Low", low);
        Figure(errors, field + "Best", best);
        Figure(errors, field + "High", high);
        var b = best ?? 0;
        if (low is { } l && l > b)
        {
            errors[field + "Low"] = ["The low estimate exceeds the best."];
        }
        if (high is { } h && h < b)
        {
            errors[field + "High"] = ["The high estimate is below the best."];
        }
    }

    private static void Figure(Dictionary<string, string[]> errors, string field, int? value)
    {
        if (value is < 0 or > MaxFigure)
        {
            errors[field] = [$"A count from 0 to {MaxFigure}."];
        }
    }

    private static void Links(Dictionary<string, string[]> errors, string field, int? count)
    {
        if (count > IncidentLimits.Links)
        {
            errors[field] = [$"At most {IncidentLimits.Links}."];
        }
    }

    private static bool StixId(string? id, string? type)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > IncidentLimits.StixId)
        {
            return false;
        }
        var at = id.IndexOf("--", StringComparison.Ordinal);
        return at > 0 && (type is null || id[..at] == type) && StixType().IsMatch(id[..at]) && Guid.TryParse(id[(at + 2)..], out _);
    }

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex StixType();
}
