using System.Text.Json;
using Jsms.Features.Incidents;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Demo;

/// <summary>
/// Demo incidents: the three attacks the seed documents report (the Karachi airport car bomb that killed two Chinese
/// engineers, seed 000; the suicide bombing of the Dasu project's convoy that killed five, and the Moscow concert hall
/// attack that killed 143, seed 001), and a deterministic set of generated attacks over the two years before the clock
/// in Khyber Pakhtunkhwa, Balochistan, Sindh and Punjab, with the mixes of tactics, groups and casualties the monthly
/// security reports describe. They are owned by the demo agencies under varied markings, so a partner sees only part.
/// </summary>
internal static class DemoIncidents
{
    public const string KarachiAirportTitle = "Car bomb at Karachi airport kills two Chinese engineers";
    public const string DasuTitle = "Suicide bombing of the Dasu hydropower project convoy near Besham";
    public const string MoscowTitle = "Attack on the Crocus City Hall concert hall near Moscow";

    /// <summary>How many attacks are generated; with a fixed seed, so every demo database holds the same.</summary>
    public const int Generated = 300;

    private sealed record District(string Province, string Name, double Latitude, double Longitude);

    private static readonly District[] Districts =
    [
        new("Khyber Pakhtunkhwa", "Peshawar", 34.01, 71.58), new("Khyber Pakhtunkhwa", "Bannu", 32.99, 70.60),
        new("Khyber Pakhtunkhwa", "Dera Ismail Khan", 31.83, 70.90), new("Khyber Pakhtunkhwa", "North Waziristan", 33.00, 70.07),
        new("Khyber Pakhtunkhwa", "South Waziristan", 32.30, 69.57), new("Khyber Pakhtunkhwa", "Khyber", 34.10, 71.14),
        new("Khyber Pakhtunkhwa", "Bajaur", 34.73, 71.52), new("Khyber Pakhtunkhwa", "Lakki Marwat", 32.61, 70.91),
        new("Khyber Pakhtunkhwa", "Tank", 32.22, 70.38), new("Khyber Pakhtunkhwa", "Kurram", 33.90, 70.10),
        new("Balochistan", "Quetta", 30.18, 67.00), new("Balochistan", "Kech", 26.00, 63.05), new("Balochistan", "Gwadar", 25.12, 62.32),
        new("Balochistan", "Mastung", 29.80, 66.85), new("Balochistan", "Kalat", 29.03, 66.59), new("Balochistan", "Panjgur", 26.97, 64.10),
        new("Balochistan", "Noshki", 29.55, 66.02), new("Balochistan", "Kachhi", 29.50, 67.60),
        new("Sindh", "Karachi", 24.86, 67.01), new("Sindh", "Hyderabad", 25.39, 68.37), new("Sindh", "Sukkur", 27.70, 68.86),
        new("Punjab", "Lahore", 31.55, 74.34), new("Punjab", "Rawalpindi", 33.60, 73.04), new("Punjab", "Dera Ghazi Khan", 30.05, 70.63),
        new("Punjab", "Mianwali", 32.58, 71.54),
    ];

    private static readonly Dictionary<string, string[]> Groups = new()
    {
        ["Khyber Pakhtunkhwa"] = ["Tehrik-i-Taliban Pakistan (TTP)", "Tehrik-i-Taliban Pakistan (TTP)", "Hafiz Gul Bahadur Group", "Islamic State Khorasan Province (ISKP)", "Lashkar-e-Islam"],
        ["Balochistan"] = ["Balochistan Liberation Army (BLA)", "Balochistan Liberation Army (BLA)", "Balochistan Liberation Front (BLF)", "Tehrik-i-Taliban Pakistan (TTP)", "Islamic State Khorasan Province (ISKP)"],
        ["Sindh"] = ["Balochistan Liberation Army (BLA)", "Sindhudesh Revolutionary Army (SRA)", "Tehrik-i-Taliban Pakistan (TTP)"],
        ["Punjab"] = ["Tehrik-i-Taliban Pakistan (TTP)", "Islamic State Khorasan Province (ISKP)"],
    };

    private static readonly string[] ClaimModes = ["Statement on a messaging channel", "Call to a journalist", "Post on a website"];

    public static async Task SeedAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = await db.Set<Agency>().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.UserName!), cancellationToken);
        var airport = await db.Set<Site>().Where(s => s.Name == DemoTracking.AirportSiteName).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        var incidents = new List<Incident>();

        void Mark(Incident incident, string owner, string creator, Tlp tlp, params string[] releaseTo)
        {
            IncidentInput.Total(incident);
            incident.OwnerAgencyId = agencies[owner];
            incident.CreatedByUserId = users[creator].Id;
            incident.Tlp = tlp;
            db.AddRange(releaseTo.Select(code => new ReleaseGrant { RecordId = incident.Id, AgencyId = agencies[code] }));
            db.Add(new IncidentVersion
            {
                IncidentId = incident.Id, Version = 1, ChangedAt = now, ChangedByUserId = users[creator].Id, ChangedByName = users[creator].Item2,
                ChangedFields = ["created"],
                Snapshot = JsonSerializer.Serialize(IncidentsService.ToDto(incident, new MarkingDto(tlp.Label(), owner, [.. releaseTo.Order()], [])), IncidentsService.SnapshotJson),
            });
            incidents.Add(incident);
        }

        Incident New(string title, DateOnly on, string country, string admin1, string? admin2, string? place, double? lat, double? lon, PlacePrecision precision)
        {
            var incident = new Incident
            {
                Id = Guid.NewGuid(), Title = title, OccurredOn = on, DatePrecision = DatePrecision.Day, Country = country, Admin1 = admin1, Admin2 = admin2,
                LocationName = place, PlacePrecision = precision, Success = true, Version = 1, CreatedAt = now, UpdatedAt = now,
            };
            if (lat is { } la && lon is { } lo)
            {
                incident.Point = Geo.Point(la, lo);
                (incident.Latitude, incident.Longitude) = (la, lo);
            }
            return incident;
        }

        IncidentCasualty Casualty(Incident incident, VictimClass victims, int killed, int injured, int? killedHigh = null)
            => new() { IncidentId = incident.Id, VictimClass = victims, KilledBest = killed, KilledHigh = killedHigh, InjuredBest = injured };

        var karachi = New(KarachiAirportTitle, new DateOnly(2024, 10, 6), "PK", "Sindh", "Karachi", "Jinnah International Airport", 24.8985, 67.1655, PlacePrecision.Exact);
        karachi.Summary = "A pick-up truck carrying almost 100 kg of explosives waited unattended for 40 minutes near the outer security perimeter "
            + "of the airport before its driver rammed the vehicles carrying Chinese engineers and officials returning to a project after a holiday in "
            + "Thailand. Investigators believe the attackers had inside help with the convoy's travel details and route.";
        karachi.AttackTypes = [GtdCodes.Bombing];
        karachi.WeaponTypes = [GtdCodes.Explosives];
        karachi.TargetTypes = [GtdCodes.TargetBusiness, GtdCodes.TargetAirports];
        karachi.Suicide = true;
        karachi.PropertyDamage = true;
        karachi.Perpetrators = [new() { IncidentId = karachi.Id, Name = "Balochistan Liberation Army (BLA)", Claimed = ClaimStatus.Yes, ClaimMode = "Statement on a messaging channel" }];
        karachi.Casualties = [Casualty(karachi, VictimClass.ForeignNationals, 2, 1), Casualty(karachi, VictimClass.Civilians, 0, 8), Casualty(karachi, VictimClass.Perpetrators, 1, 0)];
        karachi.Sources = [new() { IncidentId = karachi.Id, Name = "News agency report on the joint security management talks (seed 000)", PublishedOn = new DateOnly(2024, 11, 4), Killed = 2 }];
        karachi.SiteIds = airport is { } site ? [site] : [];
        karachi.Project = "Karachi airport road convoys";
        Mark(karachi, "PK-NACTA", "pk.analyst", Tlp.Amber, "CN-MPS", "PK-SINDH");

        var dasu = New(DasuTitle, new DateOnly(2024, 3, 26), "PK", "Khyber Pakhtunkhwa", "Shangla", "Besham", 34.92, 72.87, PlacePrecision.Near);
        dasu.Summary = "A suicide bomber drove an explosives-laden vehicle into a convoy taking Chinese engineers from Islamabad to the Dasu "
            + "hydropower project, part of the China–Pakistan Economic Corridor. Five Chinese engineers and their Pakistani driver were killed. "
            + "Islamabad said the attack was planned in Afghanistan; no group claimed it.";
        dasu.AttackTypes = [GtdCodes.Bombing];
        dasu.WeaponTypes = [GtdCodes.Explosives];
        dasu.TargetTypes = [GtdCodes.TargetBusiness, GtdCodes.TargetTransportation];
        dasu.Suicide = true;
        dasu.PropertyDamage = true;
        dasu.Perpetrators = [new() { IncidentId = dasu.Id, Name = "Tehrik-i-Taliban Pakistan (TTP)", Claimed = ClaimStatus.No }];
        dasu.Casualties = [Casualty(dasu, VictimClass.ForeignNationals, 5, 0), Casualty(dasu, VictimClass.Civilians, 1, 0), Casualty(dasu, VictimClass.Perpetrators, 1, 0)];
        dasu.Sources =
        [
            new() { IncidentId = dasu.Id, Name = "Regional press on the SCO security agenda (seed 001)", PublishedOn = new DateOnly(2024, 4, 10), Killed = 5 },
            new() { IncidentId = dasu.Id, Name = "Provincial police first information report", PublishedOn = new DateOnly(2024, 3, 26), Killed = 7 },
        ];
        dasu.Project = "Dasu hydropower project";
        Mark(dasu, "PK-NACTA", "pk.analyst", Tlp.Amber, "CN-MPS");

        var moscow = New(MoscowTitle, new DateOnly(2024, 3, 22), "RU", "Moscow Oblast", "Krasnogorsk", "Crocus City Hall", 55.8257, 37.3899, PlacePrecision.Exact);
        moscow.Summary = "Gunmen opened fire on the audience of a concert hall near Moscow and set the building on fire; 143 people were killed, "
            + "the deadliest terrorist attack in Europe since the Beslan school siege. Islamic State Khorasan claimed it.";
        moscow.AttackTypes = [GtdCodes.ArmedAssault, GtdCodes.FacilityAttack];
        moscow.WeaponTypes = [GtdCodes.Firearms, 8];
        moscow.TargetTypes = [GtdCodes.TargetPrivateCitizens, GtdCodes.TargetBusiness];
        moscow.PropertyDamage = true;
        moscow.Perpetrators = [new() { IncidentId = moscow.Id, Name = "Islamic State Khorasan Province (ISKP)", Claimed = ClaimStatus.Yes, ClaimMode = "Statement by the group's news agency" }];
        moscow.Casualties = [Casualty(moscow, VictimClass.Civilians, 143, 0)];
        moscow.Sources = [new() { IncidentId = moscow.Id, Name = "Regional press on the SCO security agenda (seed 001)", PublishedOn = new DateOnly(2024, 4, 10), Killed = 143 }];
        Mark(moscow, "RU-NAC", "ru.analyst", Tlp.Green);

        var random = new Random(20260310);
        var today = DateOnly.FromDateTime(now);
        for (var n = 0; n < Generated; n++)
        {
            var province = random.NextDouble() switch { < 0.5 => "Khyber Pakhtunkhwa", < 0.8 => "Balochistan", < 0.9 => "Sindh", _ => "Punjab" };
            var districts = Districts.Where(d => d.Province == province).ToArray();
            var district = districts[random.Next(districts.Length)];
            var on = today.AddDays(-1 - random.Next(730));
            var precision = random.NextDouble() switch { < 0.5 => PlacePrecision.Exact, < 0.85 => PlacePrecision.Near, _ => PlacePrecision.Admin2 };
            var spread = precision == PlacePrecision.Admin2 ? 0 : 0.15;
            var lat = Math.Round(district.Latitude + (random.NextDouble() - 0.5) * spread, 4);
            var lon = Math.Round(district.Longitude + (random.NextDouble() - 0.5) * spread, 4);
            var tactic = random.NextDouble();
            var (kind, attack, weapon, targets, suicide) = tactic switch
            {
                < 0.35 => ("IED attack on", GtdCodes.Bombing, GtdCodes.Explosives, new[] { GtdCodes.TargetPolice, GtdCodes.TargetMilitary, GtdCodes.TargetTransportation, GtdCodes.TargetPrivateCitizens }, false),
                < 0.65 => ("Armed assault on", GtdCodes.ArmedAssault, GtdCodes.Firearms, new[] { GtdCodes.TargetPolice, GtdCodes.TargetMilitary }, false),
                < 0.80 => ("Targeted killing of", GtdCodes.Assassination, GtdCodes.Firearms, new[] { GtdCodes.TargetGovernment, GtdCodes.TargetPolice, GtdCodes.TargetPrivateCitizens }, false),
                < 0.87 => ("Suicide bombing of", GtdCodes.Bombing, GtdCodes.Explosives, new[] { GtdCodes.TargetMilitary, GtdCodes.TargetPolice }, true),
                < 0.92 => ("Kidnapping of", GtdCodes.Kidnapping, GtdCodes.Firearms, new[] { GtdCodes.TargetPrivateCitizens, GtdCodes.TargetBusiness }, false),
                _ => ("Attack on facility of", GtdCodes.FacilityAttack, GtdCodes.Explosives, new[] { GtdCodes.TargetUtilities, 16 }, false),
            };
            var target = targets[random.Next(targets.Length)];
            var targetName = target switch
            {
                GtdCodes.TargetPolice => "a police post", GtdCodes.TargetMilitary => "a security forces convoy", GtdCodes.TargetTransportation => "a passenger bus",
                GtdCodes.TargetPrivateCitizens => "civilians", GtdCodes.TargetGovernment => "a local official", GtdCodes.TargetBusiness => "contractors",
                GtdCodes.TargetUtilities => "a power pylon", _ => "a mobile phone tower",
            };
            var incident = New($"{kind} {targetName} in {district.Name}", on, "PK", province, district.Name, district.Name, lat, lon, precision);
            incident.Summary = $"{kind} {targetName} in {district.Name} district, {province} (generated demo record).";
            if (random.NextDouble() < 0.1)
            {
                incident.DatePrecision = random.NextDouble() < 0.7 ? DatePrecision.Week : DatePrecision.Month;
                if (incident.DatePrecision == DatePrecision.Month)
                {
                    incident.OccurredOn = new DateOnly(on.Year, on.Month, 1);
                }
            }
            incident.AttackTypes = [attack];
            incident.WeaponTypes = [weapon];
            incident.TargetTypes = [target];
            incident.Suicide = suicide;
            incident.Success = random.NextDouble() > 0.08;
            incident.PropertyDamage = attack is GtdCodes.Bombing or GtdCodes.FacilityAttack ? true : null;
            incident.HostagesOrKidnapping = attack == GtdCodes.Kidnapping;
            if (random.NextDouble() < 0.7)
            {
                var names = Groups[province];
                var claimed = random.NextDouble() < 0.5;
                incident.Perpetrators = [new()
                {
                    IncidentId = incident.Id, Name = names[random.Next(names.Length)], Claimed = claimed ? ClaimStatus.Yes : ClaimStatus.Unknown,
                    ClaimMode = claimed ? ClaimModes[random.Next(ClaimModes.Length)] : null,
                }];
            }
            var casualties = new List<IncidentCasualty>();
            void Add(VictimClass victims, int killed, int injured)
            {
                if (casualties.FirstOrDefault(c => c.VictimClass == victims) is { } counted)
                {
                    counted.KilledBest += killed;
                    counted.InjuredBest += injured;
                }
                else if (killed > 0 || injured > 0)
                {
                    casualties.Add(Casualty(incident, victims, killed, injured));
                }
            }
            var security = target is GtdCodes.TargetPolice or GtdCodes.TargetMilitary;
            if (incident.Success)
            {
                switch (attack)
                {
                    case GtdCodes.Bombing when suicide:
                        Add(security ? VictimClass.SecurityForces : VictimClass.Civilians, 2 + random.Next(18), 5 + random.Next(30));
                        Add(VictimClass.Civilians, random.Next(4), random.Next(10));
                        Add(VictimClass.Perpetrators, 1, 0);
                        break;
                    case GtdCodes.Bombing:
                        Add(security ? VictimClass.SecurityForces : VictimClass.Civilians, random.Next(5), random.Next(9));
                        Add(VictimClass.Civilians, random.Next(3) == 0 ? random.Next(3) : 0, random.Next(4));
                        break;
                    case GtdCodes.ArmedAssault:
                        Add(VictimClass.SecurityForces, random.Next(7), random.Next(8));
                        Add(VictimClass.Perpetrators, random.Next(6), 0);
                        Add(VictimClass.Civilians, random.Next(4) == 0 ? 1 : 0, random.Next(3));
                        break;
                    case GtdCodes.Assassination:
                        Add(target == GtdCodes.TargetPrivateCitizens ? VictimClass.Civilians : target == GtdCodes.TargetPolice ? VictimClass.SecurityForces : VictimClass.Civilians, 1, random.Next(2));
                        break;
                    case GtdCodes.Kidnapping:
                        Add(VictimClass.Unknown, 0, random.Next(2));
                        break;
                    default:
                        Add(VictimClass.Unknown, 0, random.Next(2));
                        break;
                }
            }
            incident.Casualties = casualties;
            IncidentInput.Total(incident);
            var reporter = province == "Sindh" ? "Sindh Police daily report" : $"{province} police daily report";
            incident.Sources = [new() { IncidentId = incident.Id, Name = reporter, PublishedOn = incident.OccurredOn, Killed = incident.KilledBest, Injured = incident.InjuredBest }];
            if (random.NextDouble() < 0.1 && incident.KilledBest > 0)
            {
                incident.Sources.Add(new() { IncidentId = incident.Id, Name = "National daily newspaper", PublishedOn = incident.OccurredOn.AddDays(1),
                    Killed = incident.KilledBest + 1 + random.Next(3), Injured = incident.InjuredBest });
            }
            if (province == "Sindh")
            {
                Mark(incident, "PK-SINDH", "pk.coordinator", Tlp.Amber, "PK-NACTA", "CN-MPS");
                continue;
            }
            switch (random.NextDouble())
            {
                case < 0.45:
                    Mark(incident, "PK-NACTA", "pk.analyst", Tlp.Green);
                    break;
                case < 0.75:
                    Mark(incident, "PK-NACTA", "pk.analyst", Tlp.Amber, "CN-MPS");
                    break;
                case < 0.9:
                    Mark(incident, "PK-NACTA", "pk.analyst", Tlp.Amber);
                    break;
                default:
                    Mark(incident, "PK-NACTA", "pk.coordinator", Tlp.AmberStrict);
                    break;
            }
        }
        db.AddRange(incidents);
        await db.SaveChangesAsync(cancellationToken);
    }
}
