using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Training;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("TrainingEnrolments");
        builder.Property(e => e.PersonName).HasMaxLength(200);
        builder.Property(e => e.PersonNameKey).HasMaxLength(200);
        builder.Property(e => e.Email).HasMaxLength(254);
        builder.Property(e => e.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Grade).HasMaxLength(32);
        builder.Property(e => e.CertificateNumber).HasMaxLength(64);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.PersonAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.UserId);
        builder.HasIndex(e => new { e.PersonNameKey, e.PersonAgencyId });
        builder.HasIndex(e => e.CertificateExpiresOn);
    }
}
