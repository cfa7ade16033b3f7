using Jsms.Features.Lessons;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Exercises;

/// <summary>The after-action report as a printable page (print CSS hides the forms), with the forms that write it.</summary>
internal sealed class AarModel(ExercisesService exercises, ExercisePlanning planning, LessonsService lessons) : ExercisePage(exercises)
{
    [BindProperty] public AarRequest? Report { get; set; }

    [BindProperty] public AssessForm Assess { get; set; } = new();

    [BindProperty] public ImprovementRequest? Improvement { get; set; }

    protected override string PagePath => $"/Exercises/Aar/{Id}";

    public async Task<IActionResult> OnPostReportAsync()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        return await AfterAsync(await planning.UpdateAarAsync(Me, Id, Report ?? new AarRequest(null, null)), "report");
    }

    public async Task<IActionResult> OnPostAssessAsync()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        return await AfterAsync(await planning.AssessObjectiveAsync(Me, Id, Assess.ObjectiveId,
            new ObjectiveResultRequest(Assess.Result, Assess.Evidence, Assess.Strengths, Assess.AreasForImprovement)), "assess");
    }

    public async Task<IActionResult> OnPostImprovementAsync()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        return await AfterAsync(await planning.AddImprovementAsync(Me, Id, Improvement ?? new ImprovementRequest(null, null, null, null)), "improvement");
    }

    public async Task<IActionResult> OnPostLessonAsync(Guid itemId)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await lessons.FromImprovementAsync(Me, new LessonFromImprovementRequest(Id, itemId, null));
        return outcome.Value is { } lesson ? Redirect($"/Lessons/Lesson/{lesson.Id}") : await AfterAsync(outcome, "improvement");
    }
}
