using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Training;

/// <summary>
/// Each person's training and vetting currency on a date: every certificate they hold in a course the caller may read,
/// marked Current, Expiring (within the warning window) or Expired. Meant for other modules (a consent request shows
/// each deployed person's currency and warns on anything expired) as well as for <c>POST /api/training/currency</c>.
/// </summary>
internal sealed class TrainingCurrency(JsmsDbContext db, TrainingService training)
{
    public async Task<List<PersonCurrency>> OfAsync(Caller caller, IReadOnlyList<PersonRef> people, DateOnly on, int? warnDays = null)
    {
        var codes = people.Select(p => p.Agency?.Trim().ToUpperInvariant()).OfType<string>().Distinct().ToList();
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id);
        var result = new List<PersonCurrency>();
        foreach (var person in people)
        {
            var query = training.ReadableEnrolments(caller).Where(e => e.CertificateIssuedOn != null);
            if (person.UserId is { } userId)
            {
                query = query.Where(e => e.UserId == userId);
            }
            else if (!string.IsNullOrWhiteSpace(person.Name) && person.Agency is { } code
                     && agencies.TryGetValue(code.Trim().ToUpperInvariant(), out var agencyId))
            {
                var key = Enrolment.NameKey(person.Name);
                query = query.Where(e => e.PersonAgencyId == agencyId && e.PersonNameKey == key);
            }
            else
            {
                result.Add(new PersonCurrency(person, [], false, false, false));
                continue;
            }
            var certificates = await training.ToDtosAsync(await query.Take(500).ToListAsync(), warnDays, on);
            // A later certificate of the same course supersedes an earlier one.
            var latest = certificates.GroupBy(c => c.CourseId).Select(g => g.OrderByDescending(c => c.CertificateIssuedOn).First())
                .OrderBy(c => c.CertificateExpiresOn ?? DateOnly.MaxValue).ToList();
            var vettingIds = await db.Set<Course>().AsNoTracking().Where(c => c.Kind == CourseKind.Vetting).Select(c => c.Id).ToListAsync();
            result.Add(new PersonCurrency(person, latest,
                latest.Any(c => c.CertificateState == CurrencyState.Expired),
                latest.Any(c => c.CertificateState == CurrencyState.Expiring),
                latest.Any(c => vettingIds.Contains(c.CourseId) && c.CertificateState is CurrencyState.Current or CurrencyState.Expiring)));
        }
        return result;
    }
}
