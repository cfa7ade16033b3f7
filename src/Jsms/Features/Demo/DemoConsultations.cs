using Jsms.Features.Consultations;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Demo;

/// <summary>
/// Dialogues, meetings and commitments drawn from the seed documents (demo): the Pakistan–US
/// counter-terrorism dialogue (March 2023), the Lavrov–Qureshi talks (April 2021), the Iran–Pakistan
/// foreign-minister meeting (29 January 2024), the China–Pakistan security talks after the Karachi
/// airport bombing, and the regional organisation's information exchange. Due dates are relative to
/// the clock's today, so some commitments are overdue; markings vary (GREEN to the regional community,
/// AMBER released to one partner, one AMBER+STRICT with a named recipient).
/// </summary>
internal static class DemoConsultations
{
    public static async Task SeedAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var agencies = await db.Set<Agency>().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.AgencyId), cancellationToken);
        var partnerships = await db.Set<Partnership>().ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);

        void Mark(IReleasable record, string createdBy, Tlp tlp, string[]? releaseTo = null, string[]? recipients = null)
        {
            var (userId, agencyId) = users[createdBy];
            record.OwnerAgencyId = agencyId;
            record.CreatedByUserId = userId;
            record.Tlp = tlp;
            db.AddRange((releaseTo ?? []).Select(code => new ReleaseGrant { RecordId = record.Id, AgencyId = agencies[code] }));
            db.AddRange((recipients ?? []).Select(name => new NamedRecipient { RecordId = record.Id, UserId = users[name].Id }));
        }

        Dialogue Dialogue(string title, string format, string description, string? partnership, string[] parties,
            string createdBy, Tlp tlp, string[]? releaseTo = null)
        {
            var dialogue = new Dialogue
            {
                Id = Guid.NewGuid(),
                Title = title,
                Format = format,
                Description = description,
                PartnershipId = partnership is null ? null : partnerships[partnership],
                CreatedAt = now,
                Parties = parties.Select(code => new DialogueParty { AgencyId = agencies[code] }).ToList(),
            };
            Mark(dialogue, createdBy, tlp, releaseTo);
            db.Add(dialogue);
            return dialogue;
        }

        Meeting Meeting(Dialogue dialogue, string title, DateOnly heldOn, string place, string participants, string agenda, string minutes,
            string createdBy, Tlp tlp, string[]? releaseTo = null)
        {
            var meeting = new Meeting
            {
                Id = Guid.NewGuid(),
                DialogueId = dialogue.Id,
                Title = title,
                HeldOn = heldOn,
                Place = place,
                Participants = participants,
                Agenda = agenda,
                Minutes = minutes,
            };
            Mark(meeting, createdBy, tlp, releaseTo);
            db.Add(meeting);
            return meeting;
        }

        Commitment Commitment(Dialogue dialogue, Meeting? meeting, string title, Sector sector, string responsible, int dueInDays,
            CommitmentStatus status, int percent, string createdBy, Tlp tlp, string[]? releaseTo = null, string[]? recipients = null,
            params (int DaysAgo, string Author, string Text)[] notes)
        {
            var commitment = new Commitment
            {
                Id = Guid.NewGuid(),
                DialogueId = dialogue.Id,
                MeetingId = meeting?.Id,
                Title = title,
                Sector = sector,
                ResponsibleAgencyId = agencies[responsible],
                DueOn = today.AddDays(dueInDays),
                Status = status,
                PercentComplete = percent,
                CreatedAt = now,
                UpdatedAt = now,
                Notes = notes.Select(n => new ProgressNote
                {
                    Id = Guid.NewGuid(),
                    WrittenOn = today.AddDays(-n.DaysAgo),
                    Text = n.Text,
                    AuthorUserId = users[n.Author].Id,
                    CreatedAt = now,
                }).ToList(),
            };
            Mark(commitment, createdBy, tlp, releaseTo, recipients);
            db.Add(commitment);
            return commitment;
        }

        // Pakistan–US counter-terrorism dialogue, Islamabad, 6–7 March 2023.
        var us = Dialogue("Pakistan–US counter-terrorism dialogue", "Counter-terrorism dialogue (senior officials)",
            "Shared threat of terrorism in all its forms; countering terrorist financing; US assistance projects on anti-money-laundering and the justice sector.",
            null, ["PK-NACTA", "US-CT"], "pk.coordinator", Tlp.Amber, ["US-CT"]);
        var usMeeting = Meeting(us, "Counter-terrorism dialogue, Islamabad", new DateOnly(2023, 3, 7), "Ministry of Foreign Affairs, Islamabad",
            "Pakistan: Additional Secretary Syed Haider Shah (lead). United States: Acting Coordinator for Counterterrorism Christopher Landberg (lead).",
            "1. Counter-terrorism cooperation in multilateral fora\n2. Assessment of the regional counter-terrorism landscape\n3. Cyber security\n4. Countering violent extremism\n5. US assistance projects: anti-money-laundering and justice-sector capacity",
            "Both sides reaffirmed their commitment to address the shared threat of terrorism in all its forms and manifestations and shared experience in countering terrorist financing. They agreed to continue the dialogue and to build a better common understanding of the terrorist threat. The assistance projects were judged important for Pakistan's counter-terrorism capabilities.",
            "pk.coordinator", Tlp.Amber, ["US-CT"]);
        Commitment(us, usMeeting, "Joint assessment of terrorist-financing typologies in the region", Sector.TerroristFinancing, "PK-NACTA", -20,
            CommitmentStatus.InProgress, 60, "pk.analyst", Tlp.Amber, ["US-CT"], null,
            (45, "pk.analyst", "Case files of the last two years collected; typology draft started."),
            (12, "pk.analyst", "Draft shared internally; awaiting the financial monitoring unit's input."));
        Commitment(us, usMeeting, "Anti-money-laundering capacity project: first training cycle for investigators", Sector.TerroristFinancing, "US-CT", 45,
            CommitmentStatus.InProgress, 30, "us.analyst", Tlp.Amber, ["PK-NACTA"], null,
            (20, "us.analyst", "Curriculum agreed; first cohort of 25 investigators selected."));
        Commitment(us, usMeeting, "Justice-sector capacity: course for prosecutors on terrorism cases", Sector.Justice, "US-CT", -5,
            CommitmentStatus.Planned, 0, "us.analyst", Tlp.Amber, ["PK-NACTA"]);
        Commitment(us, usMeeting, "Working-level exchange on cyber security incidents", Sector.Cyber, "PK-NACTA", 30,
            CommitmentStatus.Planned, 0, "pk.analyst", Tlp.Amber, ["US-CT"]);
        Commitment(us, usMeeting, "Countering violent extremism: exchange of programme evaluations", Sector.CounterTerrorism, "PK-NACTA", -40,
            CommitmentStatus.Done, 100, "pk.analyst", Tlp.Amber, ["US-CT"], null,
            (41, "pk.analyst", "Evaluations of three deradicalisation programmes sent; exchange completed."));

        // Pakistan–Russia talks (Lavrov–Qureshi), Islamabad, 7 April 2021.
        var ru = Dialogue("Pakistan–Russia security consultations", "Foreign-minister talks",
            "Security cooperation to strengthen Pakistan's counter-terrorism potential; joint military and maritime exercises against terrorism and piracy.",
            null, ["PK-NACTA", "RU-NAC"], "pk.coordinator", Tlp.Green);
        var ruMeeting = Meeting(ru, "Foreign ministers' talks, Islamabad", new DateOnly(2021, 4, 7), "Islamabad",
            "Foreign Minister Shah Mehmood Qureshi; Foreign Minister Sergey Lavrov",
            "1. Security cooperation and counter-terrorism\n2. Joint military and maritime exercises\n3. Afghan peace process",
            "Both sides agreed to increase the frequency of joint military exercises and maritime exercises to fight terrorism and piracy, and to keep facilitating an inclusive political dialogue in Afghanistan.",
            "pk.coordinator", Tlp.Green);
        Commitment(ru, ruMeeting, "More frequent joint counter-terrorism military exercises", Sector.Military, "PK-NACTA", 60,
            CommitmentStatus.InProgress, 40, "pk.analyst", Tlp.Green, null, null,
            (30, "pk.analyst", "Exercise calendar for the year proposed to the partner."));
        Commitment(ru, ruMeeting, "Joint maritime exercise against piracy in the Arabian Sea", Sector.Maritime, "RU-NAC", -10,
            CommitmentStatus.Planned, 10, "ru.analyst", Tlp.Green);

        // Iran–Pakistan foreign-minister meeting, Islamabad, 29 January 2024.
        var ir = Dialogue("Iran–Pakistan foreign-minister consultation mechanism", "Foreign-minister-level consultation",
            "Fight terrorism on each side's own territory; a consultation mechanism at foreign-minister level oversees progress sector by sector; liaison officers and channels that settle misunderstandings quickly.",
            null, ["PK-NACTA", "IR-MOI"], "pk.coordinator", Tlp.Amber, ["IR-MOI"]);
        var irMeeting = Meeting(ir, "Foreign ministers' meeting after the cross-border strikes", new DateOnly(2024, 1, 29), "Islamabad",
            "Foreign Minister Hossein Amirabdollahian; caretaker Foreign Minister Jalil Abbas Jilani",
            "1. Respect for sovereignty and territorial integrity\n2. Counter-terrorism on each side's territory\n3. Consultation mechanism and liaison officers\n4. Border region economy",
            "Both countries respect each other's sovereignty and territorial integrity and will settle future problems by diplomatic means. They agreed to fight terrorism on their own territory and to set up a foreign-minister-level consultation mechanism that oversees progress in the various sectors. All channels are operating, so any misunderstanding can be settled quickly.",
            "pk.coordinator", Tlp.Amber, ["IR-MOI"]);
        Commitment(ir, irMeeting, "Act against militant hideouts on own territory in the border region", Sector.CounterTerrorism, "IR-MOI", -3,
            CommitmentStatus.InProgress, 50, "ir.coordinator", Tlp.Amber, ["PK-NACTA"], null,
            (10, "ir.coordinator", "Operations reported in Sistan-Baluchestan; results to be shared at the next review."));
        Commitment(ir, irMeeting, "Post liaison officers in Islamabad and Tehran", Sector.Security, "PK-NACTA", 14,
            CommitmentStatus.InProgress, 70, "pk.coordinator", Tlp.Amber, ["IR-MOI"], null,
            (7, "pk.coordinator", "Pakistani liaison officer nominated; accreditation requested."));
        Commitment(ir, irMeeting, "Border: coordinate patrols along the Balochistan–Sistan-Baluchestan frontier", Sector.Border, "PK-NACTA", -25,
            CommitmentStatus.Blocked, 20, "pk.analyst", Tlp.Amber, ["IR-MOI"], null,
            (26, "pk.analyst", "Blocked until the liaison officers are in post."));
        Commitment(ir, irMeeting, "Exchange intelligence on third-country support to border militants", Sector.Intelligence, "PK-NACTA", 21,
            CommitmentStatus.Planned, 0, "pk.coordinator", Tlp.AmberStrict, null, ["ir.coordinator"]);
        Commitment(ir, irMeeting, "Sector-by-sector progress review at foreign-minister level", Sector.Other, "PK-NACTA", 80,
            CommitmentStatus.Planned, 0, "pk.coordinator", Tlp.Amber, ["IR-MOI"]);
        Commitment(ir, irMeeting, "Restore high-level trade contacts in the border provinces", Sector.Trade, "IR-MOI", 120,
            CommitmentStatus.Planned, 0, "ir.coordinator", Tlp.Amber, ["PK-NACTA"]);

        // China–Pakistan security talks after the car bomb at Karachi airport.
        var cn = Dialogue("China–Pakistan security talks: joint security management system", "Security talks (joint working group)",
            "After the Karachi airport car bomb that killed two Chinese engineers: a joint security management system; Chinese officials in security meetings and coordination; support to Pakistan's intelligence and surveillance capabilities.",
            "China–Pakistan joint security", ["PK-NACTA", "PK-SINDH", "CN-MPS"], "pk.coordinator", Tlp.Amber, ["CN-MPS"]);
        var cnMeeting = Meeting(cn, "Joint working group after the Karachi airport attack", new DateOnly(2024, 11, 15), "Islamabad",
            "Pakistani security agencies; Ministry of Public Security delegation",
            "1. Findings on the Karachi airport attack\n2. Joint security management system\n3. Convoy security and insider risk\n4. Intelligence and surveillance capabilities",
            "A pick-up truck with almost 100 kg of explosives waited unattended for 40 minutes near the outer perimeter before it struck the convoy; the attackers had inside help with travel details and route. Consensus on establishing a joint security management system; Chinese officials take part in security meetings and coordination. No agreement on participation in security arrangements on the ground.",
            "pk.coordinator", Tlp.Amber, ["CN-MPS"]);
        Commitment(cn, cnMeeting, "Establish the joint security management system with joint coordination meetings", Sector.Security, "PK-NACTA", 30,
            CommitmentStatus.InProgress, 50, "pk.coordinator", Tlp.Amber, ["CN-MPS"], null,
            (14, "pk.coordinator", "Terms of reference drafted; first joint coordination meeting held."));
        Commitment(cn, cnMeeting, "Karachi airport: no vehicle may wait unattended near the outer perimeter", Sector.Security, "PK-SINDH", -15,
            CommitmentStatus.InProgress, 60, "pk.analyst", Tlp.Amber, ["CN-MPS"], null,
            (20, "pk.analyst", "Loitering rule issued to the perimeter posts; cameras being added."));
        Commitment(cn, cnMeeting, "Convoy travel details and routes on a need-to-know list only", Sector.Security, "PK-SINDH", -2,
            CommitmentStatus.Planned, 0, "pk.analyst", Tlp.Amber, ["CN-MPS"]);
        Commitment(cn, cnMeeting, "Support to Pakistan's intelligence and surveillance capabilities", Sector.Intelligence, "CN-MPS", 60,
            CommitmentStatus.Planned, 0, "cn.liaison", Tlp.Amber, ["PK-NACTA"]);
        Commitment(cn, cnMeeting, "Security plan for the Dasu hydropower project workforce", Sector.Energy, "PK-NACTA", 10,
            CommitmentStatus.InProgress, 35, "pk.analyst", Tlp.Amber, ["CN-MPS"]);

        // The regional organisation: information exchange, joint operations, training.
        var rats = Dialogue("Regional Anti-Terrorist Structure: cooperation after the Moscow and Dasu attacks", "Multilateral council (working group)",
            "Strengthen information exchange, joint operations and training of personnel among the members.",
            "Regional Anti-Terrorist Structure", ["PK-NACTA", "CN-MPS", "RU-NAC", "IR-MOI"], "cn.coordinator", Tlp.Green);
        var ratsMeeting = Meeting(rats, "Council session on security cooperation", new DateOnly(2024, 7, 3), "Astana",
            "Delegations of the member agencies",
            "1. Information exchange\n2. Joint operations\n3. Training of personnel",
            "Members agreed to further strengthen information exchange, joint operations and the training of personnel.",
            "cn.coordinator", Tlp.Green);
        Commitment(rats, ratsMeeting, "Common alert format for information exchange among members", Sector.Intelligence, "CN-MPS", 20,
            CommitmentStatus.InProgress, 40, "cn.coordinator", Tlp.Green, null, null,
            (9, "cn.coordinator", "Draft format circulated to members."));
        Commitment(rats, ratsMeeting, "Joint counter-terrorism operations planning cell", Sector.CounterTerrorism, "RU-NAC", -8,
            CommitmentStatus.Planned, 0, "cn.coordinator", Tlp.Green);
        Commitment(rats, ratsMeeting, "Joint training course for protective security units", Sector.Security, "PK-NACTA", 90,
            CommitmentStatus.Planned, 0, "cn.coordinator", Tlp.Green);
        Commitment(rats, ratsMeeting, "Exchange of mass-casualty response protocols", Sector.Health, "IR-MOI", -30,
            CommitmentStatus.Done, 100, "cn.coordinator", Tlp.Green);

        // The urgent channel: one acknowledged, one waiting for Pakistan's answer.
        var pkAgency = users["pk.coordinator"].AgencyId;
        var answered = new UrgentMessage
        {
            Id = Guid.NewGuid(),
            ToAgencyId = agencies["IR-MOI"],
            Subject = "Reported cross-border movement near Panjgur",
            Body = "Our border posts report armed men moving towards the frontier near Panjgur tonight. Please confirm whether this is an operation of your forces, so that there is no misunderstanding.",
            SentAt = now.AddDays(-1),
            AcknowledgeBy = now.AddDays(-1).AddHours(2),
            AcknowledgedAt = now.AddDays(-1).AddMinutes(50),
            AcknowledgedByUserId = users["ir.coordinator"].Id,
            Reply = "Not our forces. Our border guards are informed and will hold positions; the liaison officer will call within the hour.",
        };
        Mark(answered, "pk.coordinator", Tlp.Amber, ["IR-MOI"]);
        var pending = new UrgentMessage
        {
            Id = Guid.NewGuid(),
            ToAgencyId = pkAgency,
            Subject = "Engineers' convoy to Karachi airport moved to 06:00",
            Body = "The convoy of eleven engineers leaves the project site at 06:00 instead of 09:00 tomorrow. Please confirm that the escort and the airport perimeter posts are informed.",
            SentAt = now.AddMinutes(-30),
            AcknowledgeBy = now.AddMinutes(90),
        };
        Mark(pending, "cn.liaison", Tlp.Amber, ["PK-NACTA"]);
        db.AddRange(answered, pending);

        await db.SaveChangesAsync(cancellationToken);
    }
}
