using Jsms.Features.Accounts;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Demo;

/// <summary>
/// The demo scenario (Jsms:Demo=true on an empty database): the partner states of the seed documents,
/// their agencies, a regional organisation with members and an observer, a bilateral partnership,
/// dialogues with commitments, and demo users. Demo only: the password is public (README).
/// </summary>
internal sealed class DemoScenario(JsmsDbContext db, UserAdministration users, Intelligence.StixImporter importer, TimeProvider clock)
{
    public const string DemoPassword = "JsmsDemo2026";

    public static IReadOnlyList<(string Username, string DisplayName, string Agency, string[] Roles)> Users { get; } =
    [
        ("admin", "Node administrator (demo)", "PK-NACTA", [JsmsRoles.Administrator, JsmsRoles.Coordinator]),
        ("pk.coordinator", "Ayesha Malik (demo)", "PK-NACTA", [JsmsRoles.Coordinator]),
        ("pk.analyst", "Bilal Qureshi (demo)", "PK-NACTA", [JsmsRoles.Analyst]),
        ("pk.viewer", "Sana Tariq (demo)", "PK-NACTA", [JsmsRoles.Viewer]),
        ("cn.liaison", "Li Wei (demo)", "CN-MPS", [JsmsRoles.LiaisonOfficer]),
        ("cn.coordinator", "Zhang Min (demo)", "CN-MPS", [JsmsRoles.Coordinator]),
        ("ru.analyst", "Sergei Ivanov (demo)", "RU-NAC", [JsmsRoles.Analyst]),
        ("ir.coordinator", "Reza Karimi (demo)", "IR-MOI", [JsmsRoles.Coordinator]),
        ("us.analyst", "Emily Carter (demo)", "US-CT", [JsmsRoles.Analyst]),
    ];

    /// <summary>Seeds the scenario when no agency exists yet; returns false if the database was not empty.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Set<Agency>().AnyAsync(cancellationToken))
        {
            return false;
        }
        await SeedPartnersAsync(cancellationToken);
        await SeedUsersAsync();
        await DemoConsultations.SeedAsync(db, clock, cancellationToken);
        await DemoTracking.SeedAsync(db, clock, cancellationToken);
        await DemoIntelligence.SeedAsync(db, importer, clock, cancellationToken);
        await DemoOperations.SeedAsync(db, clock, cancellationToken);
        await DemoExercises.SeedAsync(db, clock, cancellationToken);
        await DemoIncidents.SeedAsync(db, clock, cancellationToken);
        await DemoJointOperations.SeedAsync(db, clock, cancellationToken);
        await DemoProgrammes.SeedAsync(db, clock, cancellationToken);
        await DemoWatchlists.SeedAsync(db, clock, cancellationToken);
        return true;
    }

    private async Task SeedPartnersAsync(CancellationToken cancellationToken)
    {
        State State(string iso, string name) => new() { Id = Guid.NewGuid(), IsoCode = iso, Name = name };
        var pk = State("PK", "Pakistan");
        var cn = State("CN", "China");
        var ru = State("RU", "Russia");
        var us = State("US", "United States");
        var ir = State("IR", "Iran");
        db.AddRange(pk, cn, ru, us, ir);

        Agency Agency(State state, string code, string name, AgencyKind kind) => new() { Id = Guid.NewGuid(), StateId = state.Id, Code = code, Name = name, Kind = kind };
        var nacta = Agency(pk, "PK-NACTA", "National Counter Terrorism Authority", AgencyKind.Intelligence);
        var sindh = Agency(pk, "PK-SINDH", "Sindh Police, Special Security Unit", AgencyKind.Police);
        var mps = Agency(cn, "CN-MPS", "Ministry of Public Security", AgencyKind.Police);
        var nac = Agency(ru, "RU-NAC", "National Anti-Terrorism Committee", AgencyKind.Intelligence);
        var usct = Agency(us, "US-CT", "Bureau of Counterterrorism, Department of State", AgencyKind.Ministry);
        var irmoi = Agency(ir, "IR-MOI", "Ministry of Interior", AgencyKind.Ministry);
        db.AddRange(nacta, sindh, mps, nac, usct, irmoi);

        var regional = new Partnership
        {
            Id = Guid.NewGuid(),
            Name = "Regional Anti-Terrorist Structure",
            Kind = PartnershipKind.Multilateral,
            Description = "Regional organisation for information exchange, joint operations and training against terrorism, separatism and extremism (demo).",
            EstablishedOn = new DateOnly(2004, 6, 17),
            Members =
            [
                new() { AgencyId = nacta.Id, Role = PartnershipRole.Member },
                new() { AgencyId = mps.Id, Role = PartnershipRole.Member },
                new() { AgencyId = nac.Id, Role = PartnershipRole.Member },
                new() { AgencyId = irmoi.Id, Role = PartnershipRole.Member },
                new() { AgencyId = usct.Id, Role = PartnershipRole.Observer },
            ],
            Agreements =
            [
                new() { Id = Guid.NewGuid(), Title = "Agreement on the Regional Anti-Terrorist Structure (demo)", Parties = "Pakistan; China; Russia; Iran", SignedOn = new DateOnly(2002, 6, 7), Scope = "Information exchange, joint operations, training of personnel." },
            ],
        };
        var bilateral = new Partnership
        {
            Id = Guid.NewGuid(),
            Name = "China–Pakistan joint security",
            Kind = PartnershipKind.Bilateral,
            Description = "Protection of Chinese nationals and projects in Pakistan; the joint security management system (demo).",
            EstablishedOn = new DateOnly(2024, 11, 1),
            Members =
            [
                new() { AgencyId = nacta.Id, Role = PartnershipRole.Member },
                new() { AgencyId = mps.Id, Role = PartnershipRole.Member },
            ],
            Agreements =
            [
                new() { Id = Guid.NewGuid(), Title = "Memorandum on a Joint Security Management System (demo)", Parties = "Pakistan; China", SignedOn = new DateOnly(2024, 11, 20), Scope = "Security of Chinese nationals, projects and convoys; joint counter-terrorism measures with host consent." },
            ],
        };
        db.AddRange(regional, bilateral);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedUsersAsync()
    {
        await users.EnsureRolesAsync();
        foreach (var (username, displayName, agency, roles) in Users)
        {
            var (user, errors) = await users.AddAsync(new NewUser(username, displayName, agency, roles, DemoPassword));
            if (user is null)
            {
                throw new InvalidOperationException($"Demo user {username}: " + string.Join("; ", errors.SelectMany(e => e.Value)));
            }
        }
    }
}
