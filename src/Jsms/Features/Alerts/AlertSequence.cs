using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Alerts;

/// <summary>The last <see cref="Alert.Sequence"/> handed out: one row, updated by the insert trigger in the inserting transaction.</summary>
internal sealed class AlertSequence
{
    public int Id { get; set; }
    public long Last { get; set; }
}
internal sealed class AlertSequenceConfiguration : IEntityTypeConfiguration<AlertSequence>
{
    public void Configure(EntityTypeBuilder<AlertSequence> builder)
    {
        builder.ToTable("AlertSequence");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new AlertSequence { Id = AlertSequenceSql.RowId, Last = 0 });
    }
}
