using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Access;

internal static class ReleasableConfiguration
{
    /// <summary>Column conventions shared by every releasable entity.</summary>
    public static void ConfigureMarking<T>(this EntityTypeBuilder<T> builder) where T : class, IReleasable
    {
        builder.Property(r => r.Tlp).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.OwnerAgencyId, r.Tlp });
    }
}
