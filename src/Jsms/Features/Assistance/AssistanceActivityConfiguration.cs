using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Assistance;

internal sealed class AssistanceActivityConfiguration : IEntityTypeConfiguration<AssistanceActivity>
{
    public void Configure(EntityTypeBuilder<AssistanceActivity> builder)
    {
        builder.ToTable("AssistanceActivities");
        builder.ConfigureMarking();
        builder.Property(a => a.IatiIdentifier).HasMaxLength(200);
        builder.Property(a => a.Title).HasMaxLength(500);
        builder.Property(a => a.Description).HasMaxLength(8000);
        builder.Property(a => a.Implementer).HasMaxLength(300);
        builder.Property(a => a.ImplementerRef).HasMaxLength(100);
        builder.Property(a => a.SectorCode).HasMaxLength(5);
        builder.Property(a => a.DefaultCurrency).HasMaxLength(3);
        builder.Property(a => a.Budgets).AsJson();
        builder.Property(a => a.Transactions).AsJson();
        builder.Property(a => a.Conditions).AsJson();
        builder.Property(a => a.Results).AsJson();
        builder.Property(a => a.CommitmentIds).AsJson();
        builder.HasIndex(a => new { a.OwnerAgencyId, a.IatiIdentifier }).IsUnique();
    }
}
