using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Training;

/// <summary>
/// The use cases of courses, sessions, enrolments and certificates, shared by the API and the pages. A session and its
/// enrolments are read by whoever may read the course and changed only by the course's provider agency (its writers).
/// </summary>
internal sealed class TrainingService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock, IOptions<TrainingOptions> options)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public int WarnDays => options.Value.ExpiryWarningDays;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<CourseDto>> ListCoursesAsync(Caller caller)
    {
        var courses = await db.Readable<Course>(caller).AsNoTracking().OrderBy(c => c.Topic).Take(1000).ToListAsync();
        var marks = await markings.DescribeAsync(courses.Select(c => (c.Id, c.OwnerAgencyId, c.Tlp)).ToList());
        var codes = await AgencyCodesAsync();
        return courses.Select(c => ToDto(c, marks[c.Id], codes)).ToList();
    }

    public async Task<CourseDto?> GetCourseAsync(Caller caller, Guid id)
    {
        var course = await db.Readable<Course>(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        return course is null ? null : await DetailAsync(course);
    }

    public async Task<Outcome<CourseDto>> CreateCourseAsync(Caller caller, CreateCourseRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        Validate.RequireText(errors, "topic", request.Topic, 300);
        Validate.CheckLength(errors, "description", request.Description, 4000);
        var kind = CourseKind.Training;
        if (!string.IsNullOrWhiteSpace(request.Kind) && !TrainingValues.TryParseEnum(request.Kind, out kind))
        {
            errors["kind"] = [$"Unknown kind '{request.Kind}': use one of {TrainingValues.Choices<CourseKind>()}."];
        }
        if (request.DurationHours is not { } hours || !double.IsFinite(hours) || hours <= 0 || hours > 10000)
        {
            errors["durationHours"] = ["The duration in hours is required: a number above 0 and at most 10000."];
        }
        if (request.CertificateValidityMonths is < 1 or > 240)
        {
            errors["certificateValidityMonths"] = ["A certificate is valid for 1 to 240 months (leave it out when the course gives none)."];
        }
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<CourseDto>(errors);
        }
        var course = new Course
        {
            Id = Guid.NewGuid(),
            Topic = request.Topic!.Trim(),
            Description = Blank(request.Description),
            Kind = kind,
            DurationHours = request.DurationHours!.Value,
            CertificateValidityMonths = request.CertificateValidityMonths,
            CreatedAt = Now,
        };
        markings.ApplyToNew(course, marking!, caller);
        db.Add(course);
        await db.SaveChangesAsync();
        return Outcome.Ok(await DetailAsync(course));
    }

    public async Task<Outcome<SessionDto>> CreateSessionAsync(Caller caller, Guid courseId, CreateSessionRequest request)
    {
        var course = await db.Writable<Course>(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId);
        if (course is null)
        {
            return Outcome.NotFound<SessionDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var startsOk = TrainingValues.TryParseDate(request.StartsOn, out var startsOn);
        if (!startsOk)
        {
            errors["startsOn"] = ["A start date (yyyy-MM-dd) is required."];
        }
        var endsOn = startsOn;
        if (!string.IsNullOrWhiteSpace(request.EndsOn) && !TrainingValues.TryParseDate(request.EndsOn, out endsOn))
        {
            errors["endsOn"] = [$"'{request.EndsOn}' is not a date: write yyyy-MM-dd."];
        }
        else if (startsOk && endsOn < startsOn)
        {
            errors["endsOn"] = ["The session cannot end before it starts."];
        }
        Validate.RequireText(errors, "place", request.Place, 300);
        var facilitators = (request.Facilitators ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct().ToList();
        if (facilitators.Count > 50 || facilitators.Any(f => f.Length > 200))
        {
            errors["facilitators"] = ["At most 50 facilitators of at most 200 characters each."];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<SessionDto>(errors);
        }
        var session = new TrainingSession
        {
            Id = Guid.NewGuid(),
            CourseId = course.Id,
            StartsOn = startsOn,
            EndsOn = endsOn,
            Place = request.Place!.Trim(),
            Facilitators = facilitators,
            CreatedAt = Now,
        };
        db.Add(session);
        await db.SaveChangesAsync();
        return Outcome.Ok((await GetSessionAsync(caller, session.Id))!);
    }

    public async Task<SessionDto?> GetSessionAsync(Caller caller, Guid id)
    {
        var row = await (from s in db.Set<TrainingSession>().AsNoTracking()
                         join c in db.Readable<Course>(caller) on s.CourseId equals c.Id
                         where s.Id == id
                         select new { Session = s, c.Topic }).FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }
        var enrolments = await db.Set<Enrolment>().AsNoTracking().Where(e => e.SessionId == id).ToListAsync();
        var dtos = await ToDtosAsync(enrolments);
        var session = row.Session;
        return new SessionDto(session.Id, session.CourseId, row.Topic, session.StartsOn, session.EndsOn, session.Place, session.Facilitators, enrolments.Count,
            dtos.OrderBy(e => e.Role).ThenBy(e => e.PersonName, StringComparer.CurrentCulture).ToList());
    }

    public async Task<Outcome<EnrolmentDto>> EnrolAsync(Caller caller, Guid sessionId, EnrolRequest request)
    {
        var session = await (from s in db.Set<TrainingSession>().AsNoTracking()
                             join c in db.Writable<Course>(caller) on s.CourseId equals c.Id
                             where s.Id == sessionId
                             select s).FirstOrDefaultAsync();
        if (session is null)
        {
            return Outcome.NotFound<EnrolmentDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var enrolment = new Enrolment { Id = Guid.NewGuid(), SessionId = session.Id, CourseId = session.CourseId, CreatedAt = Now, UpdatedAt = Now };
        if (!string.IsNullOrWhiteSpace(request.UserName))
        {
            var normalized = request.UserName.Trim().ToUpperInvariant();
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
                .Select(u => new { u.Id, u.DisplayName, u.UserName, u.AgencyId, u.Email }).FirstOrDefaultAsync();
            if (user is null)
            {
                errors["userName"] = [$"Unknown user '{request.UserName}'."];
            }
            else if (await db.Set<Enrolment>().AnyAsync(e => e.SessionId == sessionId && e.UserId == user.Id))
            {
                errors["userName"] = ["This user is already enrolled in this session."];
            }
            else
            {
                enrolment.UserId = user.Id;
                enrolment.PersonName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName;
                enrolment.PersonNameKey = Enrolment.NameKey(enrolment.PersonName);
                enrolment.PersonAgencyId = user.AgencyId;
                enrolment.Email = Blank(request.Email) ?? user.Email;
            }
        }
        else
        {
            enrolment.PersonName = Validate.Text(errors, "name", request.Name, 200, required: true) ?? "";
            enrolment.PersonNameKey = Enrolment.NameKey(enrolment.PersonName);
            if (string.IsNullOrWhiteSpace(request.Agency))
            {
                errors["agency"] = ["A person without an account needs the code of their agency."];
            }
            else
            {
                var code = request.Agency.Trim().ToUpperInvariant();
                enrolment.PersonAgencyId = await db.Set<Agency>().Where(a => a.Code == code).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
                if (enrolment.PersonAgencyId is null)
                {
                    errors["agency"] = [$"Unknown agency code '{request.Agency}'."];
                }
            }
            enrolment.Email = Validate.Text(errors, "email", request.Email, 254, required: false);
            if (enrolment.Email is { } email && !email.Contains('@', StringComparison.Ordinal))
            {
                errors["email"] = ["Not an email address."];
            }
        }
        var role = EnrolmentRole.Participant;
        if (!string.IsNullOrWhiteSpace(request.Role) && !TrainingValues.TryParseEnum(request.Role, out role))
        {
            errors["role"] = [$"Unknown role '{request.Role}': use one of {TrainingValues.Choices<EnrolmentRole>()}."];
        }
        var status = EnrolmentStatus.Applied;
        if (!string.IsNullOrWhiteSpace(request.Status) && !TrainingValues.TryParseEnum(request.Status, out status))
        {
            errors["status"] = [$"Unknown status '{request.Status}': use one of {TrainingValues.Choices<EnrolmentStatus>()}."];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<EnrolmentDto>(errors);
        }
        enrolment.Role = role;
        enrolment.Status = status;
        db.Add(enrolment);
        await db.SaveChangesAsync();
        return Outcome.Ok((await ToDtosAsync([enrolment]))[0]);
    }

    public async Task<Outcome<EnrolmentDto>> RecordResultAsync(Caller caller, Guid enrolmentId, RecordResultRequest request)
    {
        var row = await (from e in db.Set<Enrolment>()
                         join c in db.Writable<Course>(caller) on e.CourseId equals c.Id
                         join s in db.Set<TrainingSession>() on e.SessionId equals s.Id
                         where e.Id == enrolmentId
                         select new { Enrolment = e, Course = c, s.EndsOn }).FirstOrDefaultAsync();
        if (row is null)
        {
            return Outcome.NotFound<EnrolmentDto>();
        }
        var enrolment = row.Enrolment;
        var errors = new Dictionary<string, string[]>();
        var status = enrolment.Status;
        if (request.Status is not null && !TrainingValues.TryParseEnum(request.Status, out status))
        {
            errors["status"] = [$"Unknown status '{request.Status}': use one of {TrainingValues.Choices<EnrolmentStatus>()}."];
        }
        if (request.Hours is { } hours && (!double.IsFinite(hours) || hours < 0 || hours > 10000))
        {
            errors["hours"] = ["Hours are a number from 0 to 10000."];
        }
        var grade = Validate.Text(errors, "grade", request.Grade, 32, required: false);
        var number = Validate.Text(errors, "certificateNumber", request.CertificateNumber, 64, required: false);
        var issuedOn = row.EndsOn;
        if (request.CertificateIssuedOn is not null && !TrainingValues.TryParseDate(request.CertificateIssuedOn, out issuedOn))
        {
            errors["certificateIssuedOn"] = [$"'{request.CertificateIssuedOn}' is not a date: write yyyy-MM-dd."];
        }
        var passed = request.Passed ?? enrolment.Passed;
        if (passed == true && status is not (EnrolmentStatus.Completed or EnrolmentStatus.Attended))
        {
            errors["passed"] = ["Only an attended or completed enrolment can be passed."];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<EnrolmentDto>(errors);
        }
        enrolment.Status = status;
        enrolment.Hours = request.Hours ?? enrolment.Hours;
        enrolment.Grade = grade ?? enrolment.Grade;
        enrolment.Passed = passed;
        var certifies = status == EnrolmentStatus.Completed && passed == true && row.Course.CertificateValidityMonths is not null;
        if (certifies && (enrolment.CertificateNumber is null || number is not null || request.CertificateIssuedOn is not null))
        {
            enrolment.CertificateNumber = number ?? enrolment.CertificateNumber ?? $"CERT-{issuedOn:yyyy}-{enrolment.Id.ToString("N")[..8].ToUpperInvariant()}";
            enrolment.CertificateIssuedOn = issuedOn;
            enrolment.CertificateExpiresOn = issuedOn.AddMonths(row.Course.CertificateValidityMonths!.Value);
            enrolment.ExpiryAlertedAt = null;
        }
        else if (!certifies)
        {
            enrolment.CertificateNumber = null;
            enrolment.CertificateIssuedOn = null;
            enrolment.CertificateExpiresOn = null;
        }
        enrolment.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok((await ToDtosAsync([enrolment]))[0]);
    }

    /// <summary>A user's enrolments in the courses the caller may read, newest first.</summary>
    public async Task<List<EnrolmentDto>> PersonRecordAsync(Caller caller, Guid userId)
        => await RecordAsync(ReadableEnrolments(caller).Where(e => e.UserId == userId));

    /// <summary>A person's enrolments by name and agency code (people without an account as well as users), null for an unknown agency.</summary>
    public async Task<List<EnrolmentDto>?> PersonRecordAsync(Caller caller, string name, string agencyCode)
    {
        var code = agencyCode.Trim().ToUpperInvariant();
        var agencyId = await db.Set<Agency>().Where(a => a.Code == code).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
        if (agencyId is null)
        {
            return null;
        }
        var key = Enrolment.NameKey(name);
        return await RecordAsync(ReadableEnrolments(caller).Where(e => e.PersonAgencyId == agencyId && e.PersonNameKey == key));
    }

    /// <summary>Certificates that expire from today to <paramref name="withinDays"/> days ahead, soonest first.</summary>
    public async Task<List<EnrolmentDto>> ExpiringAsync(Caller caller, int withinDays)
    {
        var today = Today;
        var until = today.AddDays(withinDays);
        var rows = await ReadableEnrolments(caller).Where(e => e.CertificateExpiresOn >= today && e.CertificateExpiresOn <= until)
            .OrderBy(e => e.CertificateExpiresOn).Take(1000).ToListAsync();
        return await ToDtosAsync(rows, withinDays);
    }

    /// <summary>Enrolments in courses the caller may read.</summary>
    public IQueryable<Enrolment> ReadableEnrolments(Caller caller)
    {
        var courses = db.Readable<Course>(caller);
        return db.Set<Enrolment>().AsNoTracking().Where(e => courses.Any(c => c.Id == e.CourseId));
    }

    private async Task<List<EnrolmentDto>> RecordAsync(IQueryable<Enrolment> query)
        => (await ToDtosAsync(await query.Take(1000).ToListAsync()))
            .OrderByDescending(e => e.CertificateIssuedOn).ThenBy(e => e.Course, StringComparer.CurrentCulture).ToList();

    public async Task<List<EnrolmentDto>> ToDtosAsync(IReadOnlyList<Enrolment> enrolments, int? warnDays = null, DateOnly? on = null)
    {
        var courseIds = enrolments.Select(e => e.CourseId).Distinct().ToList();
        var topics = await db.Set<Course>().AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Topic);
        var userIds = enrolments.Select(e => e.UserId).OfType<Guid>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        var codes = await AgencyCodesAsync();
        var date = on ?? Today;
        var warn = Math.Max(warnDays ?? 0, WarnDays);
        return enrolments.Select(e => new EnrolmentDto(e.Id, e.SessionId, e.CourseId, topics.GetValueOrDefault(e.CourseId, "?"), e.UserId,
            e.UserId is { } u ? users.GetValueOrDefault(u) : null, e.PersonName,
            e.PersonAgencyId is { } a ? codes.GetValueOrDefault(a) : null, e.Email, e.Role, e.Status, e.Hours, e.Grade, e.Passed,
            e.CertificateNumber, e.CertificateIssuedOn, e.CertificateExpiresOn, StateOf(e.CertificateExpiresOn, e.CertificateIssuedOn, date, warn))).ToList();
    }

    public static CurrencyState StateOf(DateOnly? expiresOn, DateOnly? issuedOn, DateOnly on, int warnDays)
        => issuedOn is null ? CurrencyState.None
            : expiresOn is not { } expires ? CurrencyState.Current
            : expires < on ? CurrencyState.Expired
            : expires <= on.AddDays(warnDays) ? CurrencyState.Expiring
            : CurrencyState.Current;

    private async Task<CourseDto> DetailAsync(Course course)
    {
        var codes = await AgencyCodesAsync();
        var sessions = await db.Set<TrainingSession>().AsNoTracking().Where(s => s.CourseId == course.Id).OrderBy(s => s.StartsOn).ToListAsync();
        var ids = sessions.Select(s => s.Id).ToList();
        var counts = await db.Set<Enrolment>().Where(e => ids.Contains(e.SessionId)).GroupBy(e => e.SessionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return ToDto(course, await markings.DescribeAsync(course), codes) with
        {
            Sessions = sessions.Select(s => new SessionDto(s.Id, s.CourseId, course.Topic, s.StartsOn, s.EndsOn, s.Place, s.Facilitators,
                counts.GetValueOrDefault(s.Id))).ToList(),
        };
    }

    private static CourseDto ToDto(Course c, MarkingDto marking, IReadOnlyDictionary<Guid, string> codes)
        => new(c.Id, c.Topic, c.Description, c.Kind, c.DurationHours, c.CertificateValidityMonths, codes.GetValueOrDefault(c.OwnerAgencyId, "?"),
            c.CreatedAt, marking);

    private Task<Dictionary<Guid, string>> AgencyCodesAsync() => db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
