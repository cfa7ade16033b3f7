using Jsms.Features.Assistance;
using Jsms.Features.Consultations;
using Jsms.Features.Equipment;
using Jsms.Features.Training;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Demo;

/// <summary>
/// The cooperation programmes of the seed documents: a regional counter-terrorism course with participants from several
/// member agencies (the regional organisation's call for more personnel training), an equipment supply from Russia to
/// Pakistan with its first inventory overdue (the Lavrov–Qureshi talks), and the US anti-money-laundering capacity
/// project reviewed by the Pakistan–US counter-terrorism dialogue, linked to that dialogue's commitments.
/// </summary>
internal static class DemoProgrammes
{
    public const string CourseTopic = "Regional counter-terrorism investigators course (demo)";
    public const string AgreementTitle = "Supply of counter-terrorism equipment to Pakistan (demo)";
    public const string ActivityIdentifier = "US-CT-2023-PK-AML-01";

    public static async Task SeedAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var agencies = await db.Set<Agency>().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.AgencyId, u.DisplayName), cancellationToken);

        void Mark(IReleasable record, string createdBy, Tlp tlp, params string[] releaseTo)
        {
            var (userId, agencyId, _) = users[createdBy];
            record.OwnerAgencyId = agencyId;
            record.CreatedByUserId = userId;
            record.Tlp = tlp;
            db.AddRange(releaseTo.Select(code => new ReleaseGrant { RecordId = record.Id, AgencyId = agencies[code] }));
        }

        // Training: GREEN, so every member of the regional organisation reads it.
        var course = new Course
        {
            Id = Guid.NewGuid(),
            Topic = CourseTopic,
            Description = "Joint investigation of terrorist attacks on foreign nationals and infrastructure projects: crime-scene work, financing traces, information exchange between members.",
            Kind = CourseKind.Training,
            DurationHours = 40,
            CertificateValidityMonths = 24,
            CreatedAt = now,
        };
        Mark(course, "cn.coordinator", Tlp.Green);
        db.Add(course);
        var first = Session(course, today.AddMonths(-23).AddDays(-5), "Regional Anti-Terrorist Structure centre, Tashkent", "Zhang Min", "Sergei Ivanov");
        var second = Session(course, today.AddDays(40), "Astana", "Zhang Min");
        db.AddRange(first, second);
        Enrolment Enrol(TrainingSession session, string? user, string? name, string? agency, EnrolmentRole role, EnrolmentStatus status,
            double? hours = null, string? grade = null, bool? passed = null)
        {
            var (userId, agencyId, displayName) = user is null ? (Guid.Empty, agencies[agency!], name!) : users[user];
            var e = new Enrolment
            {
                Id = Guid.NewGuid(), SessionId = session.Id, CourseId = course.Id, UserId = user is null ? null : userId,
                PersonName = displayName, PersonNameKey = Enrolment.NameKey(displayName), PersonAgencyId = agencyId,
                Role = role, Status = status, Hours = hours, Grade = grade, Passed = passed, CreatedAt = now, UpdatedAt = now,
            };
            if (passed == true && status == EnrolmentStatus.Completed)
            {
                e.CertificateIssuedOn = session.EndsOn;
                e.CertificateExpiresOn = session.EndsOn.AddMonths(24);
                e.CertificateNumber = $"RATS-CT-{session.EndsOn:yyyy}-{e.Id.ToString("N")[..6].ToUpperInvariant()}";
            }
            db.Add(e);
            return e;
        }
        Enrol(first, "cn.coordinator", null, null, EnrolmentRole.Facilitator, EnrolmentStatus.Completed, 40);
        Enrol(first, "pk.analyst", null, null, EnrolmentRole.Participant, EnrolmentStatus.Completed, 40, "A", true);
        Enrol(first, "ru.analyst", null, null, EnrolmentRole.Participant, EnrolmentStatus.Completed, 38, "B", true);
        Enrol(first, "ir.coordinator", null, null, EnrolmentRole.Participant, EnrolmentStatus.Completed, 40, "B+", true);
        Enrol(first, null, "Imran Baloch", "PK-SINDH", EnrolmentRole.Participant, EnrolmentStatus.Completed, 32, "C", false);
        Enrol(first, "us.analyst", null, null, EnrolmentRole.Observer, EnrolmentStatus.Attended, 16);
        Enrol(second, null, "Farah Siddiqui", "PK-SINDH", EnrolmentRole.Participant, EnrolmentStatus.Accepted);
        Enrol(second, "pk.coordinator", null, null, EnrolmentRole.Participant, EnrolmentStatus.Applied);

        TrainingSession Session(Course c, DateOnly starts, string place, params string[] facilitators)
            => new() { Id = Guid.NewGuid(), CourseId = c.Id, StartsOn = starts, EndsOn = starts.AddDays(4), Place = place, Facilitators = [.. facilitators], CreatedAt = now };

        // Equipment: delivered 120 days ago, no inventory yet, so the first (due within 90 days) is overdue.
        var agreement = new SupplyAgreement
        {
            Id = Guid.NewGuid(),
            Title = AgreementTitle,
            RecipientAgencyId = agencies["PK-NACTA"],
            Items = [new() { ItemType = "Armoured patrol vehicle", Quantity = 4 }, new() { ItemType = "Night-vision device", Quantity = 6 }],
            EndUseAssurances = "The recipient uses the equipment only for counter-terrorism operations of its own forces, keeps it in secured storage, allows the supplier's inventories, and transfers nothing to a third party without the supplier's written consent.",
            AssurancesSignedOn = today.AddDays(-150),
            Monitoring = MonitoringLevel.Enhanced,
            InventoryIntervalMonths = 6,
            NextInventoryDueOn = today.AddDays(-120 + EquipmentService.FirstInventoryDays),
            CreatedAt = now,
        };
        Mark(agreement, "ru.analyst", Tlp.Amber, "PK-NACTA");
        db.Add(agreement);
        var delivery = new Delivery { Id = Guid.NewGuid(), AgreementId = agreement.Id, DeliveredOn = today.AddDays(-120), Note = "By sea to Karachi.", RecordedByUserId = users["ru.analyst"].Id, CreatedAt = now };
        db.Add(delivery);
        db.AddRange(Enumerable.Range(1, 4).Select(i => Item("Armoured patrol vehicle", $"APV-2021-{i:000}"))
            .Concat(Enumerable.Range(1, 6).Select(i => Item("Night-vision device", $"NVD-88{i:00}"))));
        DeliveredItem Item(string type, string serial) => new() { Id = Guid.NewGuid(), AgreementId = agreement.Id, DeliveryId = delivery.Id, ItemType = type, SerialNumber = serial };

        // Assistance: the US project on anti-money-laundering capacity, linked to the dialogue's commitments on it.
        var commitments = await db.Set<Commitment>().Where(c => c.Title.StartsWith("Anti-money-laundering capacity project") || c.Title.StartsWith("Joint assessment of terrorist-financing"))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var year = today.Year;
        var activity = new AssistanceActivity
        {
            Id = Guid.NewGuid(),
            IatiIdentifier = ActivityIdentifier,
            Title = "Anti-money-laundering capacity building for Pakistan's financial investigators (demo)",
            Description = "Training and mentoring of financial investigators and prosecutors on terrorist financing and money laundering cases, reviewed at the Pakistan–US counter-terrorism dialogue.",
            Implementer = "National Counter Terrorism Authority",
            ImplementerRef = "PK-NACTA",
            SectorCode = "15113",
            Status = 2,
            PlannedStart = new DateOnly(year - 2, 7, 1),
            ActualStart = new DateOnly(year - 2, 9, 1),
            PlannedEnd = new DateOnly(year + 1, 6, 30),
            DefaultCurrency = "USD",
            Budgets =
            [
                new() { PeriodStart = new DateOnly(year - 1, 1, 1), PeriodEnd = new DateOnly(year - 1, 12, 31), Value = 1_200_000m, Currency = "USD", ValueDate = new DateOnly(year - 1, 1, 1) },
                new() { PeriodStart = new DateOnly(year, 1, 1), PeriodEnd = new DateOnly(year, 12, 31), Value = 1_500_000m, Currency = "USD", ValueDate = new DateOnly(year, 1, 1) },
            ],
            Transactions =
            [
                new() { Type = 2, Date = new DateOnly(year - 2, 8, 15), Value = 2_700_000m, Currency = "USD", ValueDate = new DateOnly(year - 2, 8, 15), Description = "Grant agreement signed" },
                new() { Type = 3, Date = new DateOnly(year - 1, 2, 1), Value = 900_000m, Currency = "USD", ValueDate = new DateOnly(year - 1, 2, 1), Description = "First tranche" },
                new() { Type = 4, Date = new DateOnly(year - 1, 11, 30), Value = 640_000m, Currency = "USD", ValueDate = new DateOnly(year - 1, 11, 30), Description = "Investigator training cycle 1" },
            ],
            Conditions = [new() { Type = 2, Text = "Investigators trained are assigned to terrorist-financing cases for at least two years." }],
            Results =
            [
                new()
                {
                    Type = 2, Title = "Terrorist financing is investigated and prosecuted effectively",
                    Indicators =
                    [
                        new()
                        {
                            Title = "FATF effectiveness rating on terrorist-financing investigation and prosecution", Measure = 5, Reference = "IO.9",
                            Ratings = [new() { Date = new DateOnly(2019, 10, 1), Rating = "Low" }, new() { Date = new DateOnly(2021, 6, 1), Rating = "Moderate" }],
                        },
                        new()
                        {
                            Title = "Terrorist-financing cases brought to court", Measure = 1, Ascending = true, BaselineYear = year - 2, BaselineValue = 40,
                            Periods = [new() { Start = new DateOnly(year - 1, 1, 1), End = new DateOnly(year - 1, 12, 31), Target = 60, Actual = 52 }],
                        },
                    ],
                },
                new()
                {
                    Type = 1, Title = "Financial investigators trained",
                    Indicators =
                    [
                        new()
                        {
                            Title = "Technical compliance with the recommendation on targeted financial sanctions (terrorism)", Measure = 5, Reference = "R.6",
                            Ratings = [new() { Date = new DateOnly(2019, 10, 1), Rating = "PC" }, new() { Date = new DateOnly(2022, 3, 1), Rating = "C" }],
                        },
                        new()
                        {
                            Title = "Investigators completing the course", Measure = 1, Ascending = true, BaselineYear = year - 2, BaselineValue = 0,
                            Periods = [new() { Start = new DateOnly(year - 1, 1, 1), End = new DateOnly(year - 1, 12, 31), Target = 120, Actual = 134 }],
                        },
                    ],
                },
            ],
            CommitmentIds = [.. commitments],
            CreatedAt = now,
            UpdatedAt = now,
        };
        Mark(activity, "us.analyst", Tlp.Amber, "PK-NACTA");
        db.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
    }
}
