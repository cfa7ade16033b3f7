using Jsms.Features.Access;
using Jsms.Features.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Consultations;

internal sealed class DialogueConfiguration : IEntityTypeConfiguration<Dialogue>
{
    public void Configure(EntityTypeBuilder<Dialogue> builder)
    {
        builder.ToTable("Dialogues");
        builder.ConfigureMarking();
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.Format).HasMaxLength(200);
        builder.Property(d => d.Description).HasMaxLength(4000);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(d => d.Parties).WithOne().HasForeignKey(p => p.DialogueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DialoguePartyConfiguration : IEntityTypeConfiguration<DialogueParty>
{
    public void Configure(EntityTypeBuilder<DialogueParty> builder)
    {
        builder.ToTable("DialogueParties");
        builder.HasKey(p => new { p.DialogueId, p.AgencyId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.ConfigureMarking();
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.Place).HasMaxLength(200);
        builder.Property(m => m.Participants).HasMaxLength(4000);
        builder.Property(m => m.Agenda).HasMaxLength(8000);
        builder.Property(m => m.Minutes).HasMaxLength(32000);
        builder.HasOne<Dialogue>().WithMany().HasForeignKey(m => m.DialogueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.DialogueId, m.HeldOn });
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.ToTable("Commitments");
        builder.ConfigureMarking();
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.Sector).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Dialogue>().WithMany().HasForeignKey(c => c.DialogueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.ResponsibleAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.DialogueId, c.Sector });
        builder.HasIndex(c => new { c.Status, c.DueOn });
    }
}

internal sealed class ProgressNoteConfiguration : IEntityTypeConfiguration<ProgressNote>
{
    public void Configure(EntityTypeBuilder<ProgressNote> builder)
    {
        builder.ToTable("ProgressNotes");
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.HasIndex(n => new { n.CommitmentId, n.WrittenOn });
    }
}

internal sealed class UrgentMessageConfiguration : IEntityTypeConfiguration<UrgentMessage>
{
    public void Configure(EntityTypeBuilder<UrgentMessage> builder)
    {
        builder.ToTable("UrgentMessages");
        builder.ConfigureMarking();
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.Property(m => m.Reply).HasMaxLength(4000);
        builder.HasOne<Agency>().WithMany().HasForeignKey(m => m.ToAgencyId).OnDelete(DeleteBehavior.Restrict);
        // The monitor looks for unacknowledged, unescalated messages past their deadline.
        builder.HasIndex(m => new { m.AcknowledgedAt, m.EscalatedAt, m.AcknowledgeBy });
        builder.HasIndex(m => new { m.ToAgencyId, m.SentAt });
    }
}
