namespace Jsms.Features.Lessons;

/// <summary>
/// The order of the lessons-learned process, in one place: observation → lesson identified → remedial action →
/// lesson learned, one step at a time; a lesson is learned only once its remedial action is done.
/// </summary>
internal static class LessonStages
{
    /// <summary>Why the lesson may not move to <paramref name="to"/> now (409), or null when it may.</summary>
    public static string? Refusal(Lesson lesson, LessonStage to)
    {
        if (lesson.Stage == LessonStage.LessonLearned)
        {
            return "The lesson is learned already.";
        }
        if (to != lesson.Stage + 1)
        {
            return $"A lesson moves one step at a time: from {lesson.Stage} the next step is {lesson.Stage + 1}, not {to}.";
        }
        if (to == LessonStage.LessonLearned && lesson.ActionStatus != ActionStatus.Done)
        {
            return "A lesson is validated as learned once its remedial action is done.";
        }
        return null;
    }

    /// <summary>An assigned remedial action not done yet.</summary>
    public static bool IsOpenAction(Lesson lesson) => lesson.Stage == LessonStage.RemedialAction && lesson.ActionStatus != ActionStatus.Done;

    public static bool IsOverdue(Lesson lesson, DateOnly today) => IsOpenAction(lesson) && lesson.ActionDueOn < today;
}
