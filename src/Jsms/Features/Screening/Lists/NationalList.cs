using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Screening.Lists;

/// <summary>
/// One of the agency's own lists (its proscribed-persons schedule, a counter-terrorism financing list...): a source of
/// its own with its name, versions (<see cref="ScreeningListVersion.NationalListId"/>) and diffs. Entries of two lists
/// may carry the same id in their files, so the entries of every list but the first are stored with the id prefixed by
/// the list's <see cref="Code"/> (<see cref="IdPrefix"/>): a match then names one entry of one list.
/// </summary>
internal sealed class NationalList
{
    public Guid Id { get; set; }
    /// <summary>1, 2, 3... in creation order; list 1 (the list that existed before there could be several) keeps bare ids.</summary>
    public int Code { get; set; }
    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public string IdPrefix => PrefixOf(Code);

    public static string PrefixOf(int code) => code <= 1 ? "" : $"{code}:";
}
internal sealed class NationalListConfiguration : IEntityTypeConfiguration<NationalList>
{
    public void Configure(EntityTypeBuilder<NationalList> builder)
    {
        builder.ToTable("NationalLists");
        builder.Ignore(l => l.IdPrefix);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.HasIndex(l => l.Code).IsUnique();
        builder.HasIndex(l => l.Name).IsUnique();
    }
}
