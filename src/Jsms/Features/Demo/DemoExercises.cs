using Jsms.Features.Exercises;
using Jsms.Features.Lessons;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Demo;

/// <summary>
/// From seed 002 (Pakistan and Russia agree to hold joint military and maritime exercises against terrorism and piracy
/// more often): a joint maritime counter-piracy exercise organised by PK-NACTA with RU-NAC taking part, played off
/// Karachi three weeks before the clock's today, now in its after-action report phase with a full MSEL, objective
/// results and an improvement plan; and two lessons released to both: one learned, one whose remedial action (RU-NAC's)
/// is open and overdue. Dates are relative to the clock, so the report is due in about ten days.
/// </summary>
internal static class DemoExercises
{
    public static async Task SeedAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var agencies = await db.Set<Agency>().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.AgencyId), cancellationToken);
        var (organiser, pk) = users["pk.coordinator"];
        var ru = agencies["RU-NAC"];

        void Mark(IReleasable record)
        {
            record.OwnerAgencyId = pk;
            record.CreatedByUserId = organiser;
            record.Tlp = Tlp.Amber;
            db.Add(new ReleaseGrant { RecordId = record.Id, AgencyId = ru });
        }

        var executionStart = now.Date.AddDays(-21).AddHours(4);
        var executionEnd = executionStart.AddDays(1).AddHours(8);
        var exercise = new Exercise
        {
            Id = Guid.NewGuid(),
            Name = "Arabian Monsoon: joint maritime counter-piracy exercise (demo)",
            Kind = ExerciseKind.Maritime,
            Scenario = "A merchant tanker bound for Karachi is boarded by pirates 40 nautical miles south-west of the port; a mother ship "
                       + "and two skiffs loiter near the outer anchorage. Pakistani and Russian units share the picture, locate the skiffs "
                       + "and plan a joint boarding under agreed rules of engagement.",
            Phase = ExercisePhase.AfterActionReport,
            StartsOn = DateOnly.FromDateTime(executionStart),
            EndsOn = DateOnly.FromDateTime(executionEnd),
            Area = Geo.Factory.CreatePolygon([new(66.55, 24.35), new(67.25, 24.35), new(67.25, 24.85), new(66.55, 24.85), new(66.55, 24.35)]),
            CreatedAt = now.AddDays(-120),
            UpdatedAt = now.AddDays(-15),
            ExecutionStartedAt = executionStart,
            ExecutionEndedAt = executionEnd,
            AarDueAt = executionEnd + ExercisePhases.AarDue,
            ImprovementPlanDueAt = executionEnd + ExercisePhases.ImprovementPlanDue,
            HotWashNotes = "Contact reports reached the partner in 12 minutes on average. The common radio net failed twice; "
                           + "boarding teams fell back on relayed messages. Rules of engagement were clear to both sides.",
            AarSummary = "Both objectives on information sharing were met; the joint boarding was only partly met because the two teams "
                         + "had no direct radio link.",
            Participants = [new ExerciseParticipant { AgencyId = ru }],
        };
        Mark(exercise);
        exercise.Objectives =
        [
            new() { Id = Guid.NewGuid(), Code = "O1", Text = "Share a maritime contact report with the partner within 15 minutes.", Result = ObjectiveResult.Met,
                Evidence = "Injects 1, 3 and 6: reports in 9, 12 and 14 minutes.", Strengths = "Agreed reporting format used by both centres." },
            new() { Id = Guid.NewGuid(), Code = "O2", Text = "Plan and conduct a joint boarding of the hijacked vessel.", Result = ObjectiveResult.PartiallyMet,
                Evidence = "Inject 7: boarding conducted; teams coordinated by relay.", AreasForImprovement = "A direct radio net between the boarding teams." },
            new() { Id = Guid.NewGuid(), Code = "O3", Text = "Hand over suspects and evidence under the agreed legal procedure.", Result = ObjectiveResult.Met,
                Evidence = "Inject 8: hand-over record completed." },
        ];
        (int Hour, string Sender, string Receiver, string Method, string Content, string Expected, string Objective, string Observed, ObjectiveResult Result)[] msel =
        [
            (0, "EXCON", "Maritime Security Agency operations centre", "Radio", "Tanker MT SEA STAR reports being boarded by armed men.", "Issue a contact report to the partner.", "O1", "Report sent to the Russian liaison cell after 9 minutes.", ObjectiveResult.Met),
            (1, "EXCON", "Russian task group", "Secure chat", "Maritime patrol aircraft sights a mother ship and two skiffs near the outer anchorage.", "Share the sighting and request tracking.", "O1", "Sighting shared; tracking requested.", ObjectiveResult.Met),
            (2, "Partner liaison cell", "Operations centre", "Phone", "Skiffs loiter 12 nm south of the anchorage for 30 minutes.", "Raise a loitering alert and warn shipping.", "O1", "Alert raised after 12 minutes; navigational warning issued.", ObjectiveResult.Met),
            (4, "EXCON", "Both boarding teams", "Radio", "Hijackers demand ransom; hostages on the bridge.", "Agree the boarding plan and rules of engagement.", "O2", "Plan agreed by relay through the operations centre.", ObjectiveResult.PartiallyMet),
            (6, "EXCON", "Russian task group", "Radio", "The common radio net fails.", "Switch to the fallback net within 10 minutes.", "O2", "Fallback took 25 minutes.", ObjectiveResult.NotMet),
            (8, "Maritime patrol aircraft", "Operations centre", "Data link", "Mother ship heads west at 8 knots.", "Update the partner within 15 minutes.", "O1", "Updated in 14 minutes.", ObjectiveResult.Met),
            (10, "EXCON", "Both boarding teams", "Radio", "Execute the boarding.", "Board jointly, secure the crew.", "O2", "Boarding done; teams coordinated by relay.", ObjectiveResult.PartiallyMet),
            (14, "EXCON", "Legal advisers", "E-mail", "Suspects detained; evidence secured.", "Hand over under the agreed procedure.", "O3", "Hand-over record completed.", ObjectiveResult.Met),
        ];
        exercise.Injects = [.. msel.Select((m, i) => new Inject
        {
            Id = Guid.NewGuid(),
            Number = i + 1,
            PlannedAt = executionStart.AddHours(m.Hour),
            Sender = m.Sender,
            Receiver = m.Receiver,
            Method = m.Method,
            Content = m.Content,
            ExpectedAction = m.Expected,
            ObjectiveCode = m.Objective,
            DeliveredAt = executionStart.AddHours(m.Hour).AddMinutes(3),
            ObservedAction = m.Observed,
            Assessment = m.Result,
            MarkedByUserId = organiser,
            SimulatedKind = i == 2 ? ExerciseReplay.Loitering : null,
            SimulatedLabel = i == 2 ? "Skiffs ALPHA and BRAVO" : null,
            SimulatedLatitude = i == 2 ? 24.62 : null,
            SimulatedLongitude = i == 2 ? 66.95 : null,
            SimulatedDwellMinutes = i == 2 ? 30 : null,
        })];
        (ExercisePhase From, int DaysAgo, string Note, string? Document)[] decisions =
        [
            (ExercisePhase.Concept, 110, "Concept agreed following the foreign ministers' talks in Islamabad (April 2021).", "Concept note"),
            (ExercisePhase.InitialPlanningConference, 80, "Initial planning conference held in Karachi: objectives O1–O3 agreed.", "IPC minutes"),
            (ExercisePhase.MainPlanningConference, 50, "Main planning conference: MSEL drafted, rules of engagement agreed.", null),
            (ExercisePhase.FinalPlanningConference, 22, "Final planning conference: go decision.", "Exercise instruction"),
            (ExercisePhase.Execution, 20, "End of exercise; hot wash held on board the flagship.", null),
            (ExercisePhase.HotWash, 15, "Hot wash notes approved; drafting of the after-action report starts.", null),
        ];
        exercise.Decisions = [.. decisions.Select(d =>
        {
            var id = Guid.NewGuid();
            return new PhaseDecision
            {
                Id = id,
                FromPhase = d.From,
                ToPhase = d.From + 1,
                DecidedOn = today.AddDays(-d.DaysAgo),
                Note = d.Note,
                DecidedByUserId = organiser,
                RecordedAt = now.AddDays(-d.DaysAgo),
                Documents = d.Document is null ? [] : [new PhaseDocument { Id = Guid.NewGuid(), DecisionId = id, Name = d.Document, Text = d.Note }],
            };
        })];
        var radioNet = new ImprovementItem
        {
            Id = Guid.NewGuid(), ObjectiveCode = "O2", CorrectiveAction = "Agree and test a common maritime radio net for boarding teams.",
            OwnerAgencyId = ru, DueOn = today.AddDays(-5), Status = ImprovementStatus.InProgress,
        };
        exercise.Improvements =
        [
            radioNet,
            new() { Id = Guid.NewGuid(), ObjectiveCode = "O1", CorrectiveAction = "Write the 15-minute contact report rule into the liaison procedures.",
                OwnerAgencyId = pk, DueOn = today.AddDays(40), Status = ImprovementStatus.Done },
        ];
        db.Add(exercise);

        var learned = new Lesson
        {
            Id = Guid.NewGuid(),
            Stage = LessonStage.LessonLearned,
            Title = "Contact reports reach the partner faster with an agreed format (demo)",
            Observation = "In an earlier drill contact reports took 40 minutes and were re-typed by each side.",
            ObservedOn = today.AddDays(-200),
            OperationId = null,
            Analysis = "Each centre used its own report template, so reports were rewritten before sharing.",
            RootCause = "No agreed contact report format between the two centres.",
            IdentifiedAt = now.AddDays(-190),
            Action = "Agree a bilingual contact report format and train both centres on it.",
            ActionAgencyId = pk,
            ActionDueOn = today.AddDays(-60),
            ActionStatus = ActionStatus.Done,
            ActionAssignedAt = now.AddDays(-180),
            ValidationNote = "Objective O1 of Arabian Monsoon met: reports in 9 to 14 minutes.",
            ValidatedByObjectiveId = exercise.Objectives[0].Id,
            LearnedAt = now.AddDays(-14),
            CreatedAt = now.AddDays(-200),
            UpdatedAt = now.AddDays(-14),
        };
        var open = new Lesson
        {
            Id = Guid.NewGuid(),
            Stage = LessonStage.RemedialAction,
            Title = "Boarding teams had no direct radio link (demo)",
            Observation = "During the joint boarding the two teams coordinated only by relay through the operations centre; the common net failed twice.",
            ObservedOn = DateOnly.FromDateTime(executionEnd),
            ExerciseId = exercise.Id,
            ImprovementItemId = radioNet.Id,
            Analysis = "The teams' radios are of different makes and were never tested together before execution.",
            RootCause = "No interoperability test in the planning conferences.",
            IdentifiedAt = now.AddDays(-14),
            Action = radioNet.CorrectiveAction,
            ActionAgencyId = ru,
            ActionDueOn = radioNet.DueOn,
            ActionStatus = ActionStatus.InProgress,
            ActionAssignedAt = now.AddDays(-13),
            CreatedAt = now.AddDays(-15),
            UpdatedAt = now.AddDays(-13),
        };
        radioNet.LessonId = open.Id;
        foreach (var lesson in new[] { learned, open })
        {
            Mark(lesson);
            db.Add(lesson);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
