using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Protection;

/// <summary>
/// The use cases of protected persons, shared by the API (<see cref="ProtectionModule"/>) and the pages.
/// Every query starts from <see cref="AccessPolicy.Readable{T}"/> or <see cref="AccessPolicy.Writable{T}"/>;
/// a record the caller may not read (or change) is null / not found. Identifiers shown in clear are audited.
/// </summary>
internal sealed class PersonsService(JsmsDbContext db, ReleaseMarkings markings, PersonIdentifiers identifiers, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<PersonDto>> ListPersonsAsync(Caller caller)
    {
        var people = await db.Readable<ProtectedPerson>(caller).AsNoTracking().OrderBy(p => p.Name).ToListAsync();
        return await PersonDtosAsync(people, caller);
    }

    public async Task<PersonDto?> GetPersonAsync(Caller caller, Guid id)
    {
        var person = await db.Readable<ProtectedPerson>(caller).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        return person is null ? null : (await PersonDtosAsync([person], caller))[0];
    }

    /// <summary>Names of the persons the caller may read, for pick lists and labels (no identifiers, so nothing to audit).</summary>
    public async Task<Dictionary<Guid, string>> PersonNamesAsync(Caller caller)
        => await db.Readable<ProtectedPerson>(caller).AsNoTracking().OrderBy(p => p.Name).ToDictionaryAsync(p => p.Id, p => p.Name);

    /// <summary>
    /// Identifiers in clear for the creator, the named recipients, and the coordinators and liaison officers of
    /// the owner agency; masked for every other reader. Each disclosure in clear is audited where it is shown
    /// (<see cref="PersonDto"/> is an <see cref="IAuditedRead"/>, docs/audit-log.md).
    /// </summary>
    private async Task<List<PersonDto>> PersonDtosAsync(List<ProtectedPerson> people, Caller caller)
    {
        var ids = people.Select(p => p.Id).ToList();
        var named = (await db.Set<NamedRecipient>().AsNoTracking().Where(n => ids.Contains(n.RecordId) && n.UserId == caller.UserId)
            .Select(n => n.RecordId).ToListAsync()).ToHashSet();
        var marks = await markings.DescribeAsync(people.Select(ProtectionRecords.Key).ToList());
        var result = new List<PersonDto>();
        foreach (var p in people)
        {
            var clear = IdentifiersInClear(p, caller, named.Contains(p.Id));
            var passport = identifiers.Unprotect(p.PassportNumberProtected);
            var phone = identifiers.Unprotect(p.PhoneProtected);
            result.Add(new PersonDto(p.Id, p.Name, p.Nationality, p.Employer, p.Project,
                clear ? passport : PersonIdentifiers.Mask(passport), clear ? phone : PersonIdentifiers.Mask(phone), !clear, marks[p.Id]));
        }
        return result;
    }

    private static bool IdentifiersInClear(ProtectedPerson p, Caller caller, bool namedRecipient)
        => p.CreatedByUserId == caller.UserId || namedRecipient
           || (p.OwnerAgencyId == caller.AgencyId && (caller.IsInRole(JsmsRoles.Coordinator) || caller.IsInRole(JsmsRoles.LiaisonOfficer)));

    public async Task<Outcome<PersonDto>> CreatePersonAsync(Caller caller, PersonRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var person = new ProtectedPerson { Id = Guid.NewGuid(), CreatedAt = Now };
        ApplyPerson(person, request, errors, keepBlankIdentifiers: false);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<PersonDto>(errors);
        }
        markings.ApplyToNew(person, marking!, caller);
        db.Add(person);
        await db.SaveChangesAsync();
        return Outcome.Ok((await PersonDtosAsync([person], caller))[0]);
    }

    /// <summary>
    /// Replaces the person's fields. With <paramref name="keepMaskedIdentifiers"/> (the page's form, which cannot
    /// show a caller identifiers they may only see masked), a passport number or phone left blank by such a caller
    /// is kept instead of erased.
    /// </summary>
    public async Task<Outcome<PersonDto>> UpdatePersonAsync(Caller caller, Guid id, PersonRequest request, bool keepMaskedIdentifiers = false)
    {
        var person = await db.Writable<ProtectedPerson>(caller).FirstOrDefaultAsync(p => p.Id == id);
        if (person is null)
        {
            return Outcome.NotFound<PersonDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var keepBlank = keepMaskedIdentifiers && !IdentifiersInClear(person, caller,
            await db.Set<NamedRecipient>().AnyAsync(n => n.RecordId == id && n.UserId == caller.UserId));
        ApplyPerson(person, request, errors, keepBlank);
        var marking = await markings.ResolveChangeAsync(request.Marking, person.Tlp, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<PersonDto>(errors);
        }
        if (marking is not null)
        {
            await markings.ReplaceAsync(person, marking);
        }
        await db.SaveChangesAsync();
        return Outcome.Ok((await PersonDtosAsync([person], caller))[0]);
    }

    private void ApplyPerson(ProtectedPerson person, PersonRequest request, Dictionary<string, string[]> errors, bool keepBlankIdentifiers)
    {
        person.Name = Validate.Text(errors, "name", request.Name, 200, true) ?? "";
        person.Nationality = Validate.Text(errors, "nationality", request.Nationality, 100, true) ?? "";
        person.Employer = Validate.Text(errors, "employer", request.Employer, 200, false);
        person.Project = Validate.Text(errors, "project", request.Project, 200, false);
        var passport = Validate.Text(errors, "passportNumber", request.PassportNumber, 64, false);
        var phone = Validate.Text(errors, "phone", request.Phone, 32, false);
        if (passport is not null || !keepBlankIdentifiers)
        {
            person.PassportNumberProtected = identifiers.Protect(passport);
        }
        if (phone is not null || !keepBlankIdentifiers)
        {
            person.PhoneProtected = identifiers.Protect(phone);
        }
    }

    public async Task<bool> DeletePersonAsync(Caller caller, Guid id)
    {
        var person = await db.Writable<ProtectedPerson>(caller).FirstOrDefaultAsync(p => p.Id == id);
        if (person is null)
        {
            return false;
        }
        db.Remove(person);
        await markings.RemoveAsync(id);
        await db.SaveChangesAsync();
        return true;
    }
}
