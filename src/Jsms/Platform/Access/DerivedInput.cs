using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Access;

/// <summary>
/// One input of a derived record (an alert's site, tracker, sensor, movement, message...), with a copy of the input's
/// marking so the access policy can decide, in SQL, whether a reader may read every input a derived record reveals
/// (docs/access-policy.md, "Derived records"). The copy is kept in step by <see cref="DerivedInputMarkings"/> whenever
/// the input's marking changes; its release-to list and named recipients are the input's own rows (keyed by
/// <see cref="Id"/>), so they never go stale.
/// </summary>
internal sealed class DerivedInput : IMarkingCopy
{
    /// <summary>The derived record (e.g. the alert).</summary>
    public Guid DerivedId { get; set; }

    /// <summary>The input record's id: the key its release grants and named recipients are stored under.</summary>
    public Guid Id { get; set; }

    /// <summary>What the input is (<c>site</c>, <c>device</c>, <c>sensor</c>, <c>movement</c>...), for people reading the table.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The input is a need-to-know record (<see cref="INeedToKnow"/>): its owner's coordinators read it at every level.</summary>
    public bool NeedToKnow { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }

    /// <summary>The row recording <paramref name="input"/> as an input of <paramref name="derivedId"/>, with the input's marking as it is now.</summary>
    public static DerivedInput Of(Guid derivedId, IReleasable input, string kind) => new()
    {
        DerivedId = derivedId,
        Id = input.Id,
        Kind = kind,
        NeedToKnow = input is INeedToKnow,
        OwnerAgencyId = input.OwnerAgencyId,
        Tlp = input.Tlp,
        CreatedByUserId = input.CreatedByUserId,
    };
}

internal sealed class DerivedInputConfiguration : IEntityTypeConfiguration<DerivedInput>
{
    public void Configure(EntityTypeBuilder<DerivedInput> builder)
    {
        builder.ToTable("DerivedInputs");
        builder.HasKey(i => new { i.DerivedId, i.Id });
        builder.Property(i => i.Id).HasColumnName("InputId");
        builder.Property(i => i.Kind).HasMaxLength(32);
        builder.Property(i => i.Tlp).HasConversion<string>().HasMaxLength(16);
        // The marking hook finds every derived record of an input whose marking changed.
        builder.HasIndex(i => i.Id);
    }
}
