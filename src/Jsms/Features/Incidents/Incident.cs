using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Incidents;

/// <summary>
/// One attack in the incidents register (docs/incidents.md): when (with the precision the sources allow), where (a point
/// and the named places, with the GTD specificity of the place), what (GTD attack, weapon and target type codes,
/// <see cref="GtdCodes"/>), by whom (<see cref="Perpetrators"/>), the casualties by victim class
/// (<see cref="Casualties"/>) and the sources that reported it, each with its own figures (<see cref="Sources"/>).
/// Every change is kept as an <see cref="IncidentVersion"/>; a deleted or merged-away incident stays as a row with
/// <see cref="DeletedAt"/> set, so a change feed can tell the deletion to those who copied it.
/// </summary>
internal sealed class Incident : IReleasable, IAudited
{
    public const int MaxAttackTypes = 3;
    public const int MaxWeaponTypes = 4;
    public const int MaxTargetTypes = 3;

    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The narrative: what happened, as the sources tell it (GTD <c>summary</c>, ACLED <c>notes</c>).</summary>
    public string Summary { get; set; } = "";

    private DateOnly occurredOn;

    /// <summary>The day of the attack, or the first day of the range or period <see cref="DatePrecision"/> says.</summary>
    public DateOnly OccurredOn
    {
        get => occurredOn;
        set
        {
            occurredOn = value;
            PeriodMonth = MonthKey(value);
        }
    }

    /// <summary>
    /// The month of <see cref="OccurredOn"/> as yyyymm, set with it: the statistics group by this integer column (in a covering
    /// index) rather than by the year and month taken out of a date for every row.
    /// </summary>
    public int PeriodMonth { get; private set; }
    /// <summary>The last day when the attack is only known to fall within a range (UCDP <c>date_end</c>); null for one day.</summary>
    public DateOnly? OccurredUntil { get; set; }
    public DatePrecision DatePrecision { get; set; }
    /// <summary>Local time of day when a source gives it.</summary>
    public TimeOnly? TimeOfDay { get; set; }

    /// <summary>Where, in longitude/latitude (SRID 4326); null when the sources name no place finer than the country.</summary>
    public Point? Point { get; set; }
    /// <summary>Copies of <see cref="Point"/>'s coordinates, so a bounding box narrows a distance search on every provider.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string Country { get; set; } = "";
    /// <summary>Province or state (e.g. "Khyber Pakhtunkhwa").</summary>
    public string? Admin1 { get; set; }
    /// <summary>District.</summary>
    public string? Admin2 { get; set; }
    /// <summary>City, town or place name.</summary>
    public string? LocationName { get; set; }
    public PlacePrecision PlacePrecision { get; set; }

    /// <summary>GTD attack type codes (1–9), most specific first, at most <see cref="MaxAttackTypes"/>.</summary>
    public List<int> AttackTypes { get; set; } = [];
    /// <summary>GTD weapon type codes (1–13), at most <see cref="MaxWeaponTypes"/>.</summary>
    public List<int> WeaponTypes { get; set; } = [];
    /// <summary>GTD target/victim type codes (1–22), at most <see cref="MaxTargetTypes"/>.</summary>
    public List<int> TargetTypes { get; set; } = [];

    public bool Suicide { get; set; }
    /// <summary>GTD <c>success</c>: the attack took place (a bomb exploded, an assault happened), whatever its casualties.</summary>
    public bool Success { get; set; }
    /// <summary>Null when not known.</summary>
    public bool? PropertyDamage { get; set; }
    /// <summary>Null when not known.</summary>
    public bool? HostagesOrKidnapping { get; set; }

    public List<IncidentPerpetrator> Perpetrators { get; set; } = [];
    public List<IncidentCasualty> Casualties { get; set; } = [];
    public List<IncidentSource> Sources { get; set; } = [];

    /// <summary>Sum of the best killed estimates over the victim classes, kept as a column for statistics.</summary>
    public int KilledBest { get; set; }
    /// <summary>Sum of the best injured estimates over the victim classes.</summary>
    public int InjuredBest { get; set; }

    /// <summary>Protected sites concerned.</summary>
    public List<Guid> SiteIds { get; set; } = [];
    /// <summary>Protected persons concerned.</summary>
    public List<Guid> PersonIds { get; set; } = [];
    /// <summary>Alerts that preceded the attack.</summary>
    public List<Guid> AlertIds { get; set; } = [];
    /// <summary>STIX ids of related objects (threat actors, reports).</summary>
    public List<string> StixIds { get; set; } = [];
    /// <summary>The project concerned, by name (as sites name it).</summary>
    public string? Project { get; set; }

    /// <summary>1 when created, one more with each change; a writer sends the version it read (409 when stale).</summary>
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When deleted (or merged away); the row stays so the change feed can report it.</summary>
    public DateTime? DeletedAt { get; set; }
    /// <summary>The incident this one was merged into, when it was a second report of the same attack.</summary>
    public Guid? MergedIntoId { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }

    public static int MonthKey(DateOnly day) => day.Year * 100 + day.Month;
}
internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.ConfigureMarking();
        builder.Property(i => i.Title).HasMaxLength(IncidentLimits.Title);
        builder.Property(i => i.Summary).HasMaxLength(IncidentLimits.Summary);
        builder.Property(i => i.DatePrecision).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.PlacePrecision).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Country).HasMaxLength(2);
        builder.Property(i => i.Admin1).HasMaxLength(IncidentLimits.PlaceName);
        builder.Property(i => i.Admin2).HasMaxLength(IncidentLimits.PlaceName);
        builder.Property(i => i.LocationName).HasMaxLength(IncidentLimits.PlaceName);
        builder.Property(i => i.Project).HasMaxLength(200);
        // Two writers who read the same version: the second save finds another version and fails (409).
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasMany(i => i.Perpetrators).WithOne().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Casualties).WithOne().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Sources).WithOne().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.Cascade);
        // Statistics and lists select by period, then by place; the distance search by a bounding box.
        builder.HasIndex(i => i.OccurredOn);
        builder.HasIndex(i => new { i.Country, i.Admin1 });
        builder.HasIndex(i => new { i.Latitude, i.Longitude });
        builder.HasIndex(i => i.UpdatedAt);
    }
}
