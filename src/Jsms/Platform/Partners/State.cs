using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Partners;

// The partner directory is reference data every signed-in user of the node may read;
// administrators maintain it. Shared records elsewhere point at agencies by id.

internal sealed class State : IAudited
{
    public Guid Id { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code, e.g. PK.</summary>
    public string IsoCode { get; set; } = "";
    public string Name { get; set; } = "";
}
internal sealed class StateConfiguration : IEntityTypeConfiguration<State>
{
    public void Configure(EntityTypeBuilder<State> builder)
    {
        builder.ToTable("States");
        builder.Property(s => s.IsoCode).HasMaxLength(2);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => s.IsoCode).IsUnique();
    }
}
