using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Accounts;

/// <summary>
/// A failed sign-in, or the latest successful one, of an account name (as typed, normalized) from a client address:
/// what <see cref="SignInThrottle"/> counts. Kept in the database so that every process serving the same database
/// sees the same counts; failures are pruned after a day, successes after <see cref="SignInLimits.KnownAddressDays"/>.
/// </summary>
internal sealed class SignInAttempt
{
    public long Id { get; set; }

    /// <summary>The normalized account name tried, whether or not such an account exists (so counts do not reveal which do).</summary>
    public string Account { get; set; } = "";

    /// <summary>The client address, or its /64 network for IPv6 (see <c>RateLimits.ClientKey</c>).</summary>
    public string Address { get; set; } = "";

    public DateTime At { get; set; }

    public bool Succeeded { get; set; }
}

internal sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> builder)
    {
        builder.ToTable("SignInAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Account).HasMaxLength(256);
        builder.Property(a => a.Address).HasMaxLength(64);
        builder.HasIndex(a => new { a.Account, a.Address, a.At });
        builder.HasIndex(a => new { a.Address, a.At });
        builder.HasIndex(a => a.At);
    }
}
