using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Watchlists;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Demo;

/// <summary>
/// A watchlist of the people around the protected Chinese engineers: convoy drivers, local staff and a contractor (the
/// "inside help" of the airport attack). One driver's name is a spelling of a UN-listed person: the first UN import
/// rescreens the watchlist and raises the alert to review.
/// </summary>
internal static class DemoWatchlists
{
    public const string WatchlistName = "Convoy drivers, local staff and contractors (demo)";
    public const string MatchingDriver = "Abdul Hakeem Murad";

    public static async Task SeedAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = await db.Set<Agency>().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var coordinator = await db.Users.Where(u => u.UserName == "pk.coordinator").Select(u => new { u.Id, u.AgencyId }).FirstAsync(cancellationToken);
        var watchlist = new Watchlist
        {
            Id = Guid.NewGuid(),
            Name = WatchlistName,
            Description = "Everyone who drives, guards or works beside the protected engineers, or sees their movement plans; screened after every list import.",
            CreatedAt = now,
            OwnerAgencyId = coordinator.AgencyId,
            CreatedByUserId = coordinator.Id,
            Tlp = Tlp.AmberStrict,
        };
        db.Add(watchlist);
        db.Add(new ReleaseGrant { RecordId = watchlist.Id, AgencyId = agencies["CN-MPS"] });
        (string Name, SubjectCategory Category, EntryKind Kind, string? Aliases, string? Born, string? Nationality, string Role)[] subjects =
        [
            (MatchingDriver, SubjectCategory.Driver, EntryKind.Person, "Abdul Hakim", "1968-04-11", "PK", "drives the lead vehicle of the Dasu convoy; sees movement plans"),
            ("Imran Khattak", SubjectCategory.Driver, EntryKind.Person, null, "1985-02-17", "PK", "drives the engineers' minibus, Karachi airport transfers"),
            ("Farhan Ali Soomro", SubjectCategory.LocalStaff, EntryKind.Person, null, "1990-09-03", "PK", "interpreter at the Port Qasim site office"),
            ("Nasreen Bibi", SubjectCategory.LocalStaff, EntryKind.Person, null, "1979", "PK", "camp administration; keeps the duty rosters"),
            ("Indus Secure Logistics (Pvt) Ltd", SubjectCategory.Contractor, EntryKind.Entity, null, null, "PK", "escort vehicles and guards under contract"),
        ];
        foreach (var (name, category, kind, aliases, born, nationality, role) in subjects)
        {
            var subject = new WatchSubject
            {
                Id = Guid.CreateVersion7(),
                WatchlistId = watchlist.Id,
                Category = category,
                Kind = kind,
                Name = name,
                Aliases = aliases,
                BirthDate = born,
                Nationality = nationality,
                Role = role,
                CreatedAt = now,
                UpdatedAt = now,
            };
            subject.Fingerprint = subject.ComputeFingerprint();
            db.Add(subject);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
