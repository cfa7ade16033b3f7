namespace Jsms.Features.Lessons;

/// <summary>Display names of the lesson stages on the pages.</summary>
internal static class LessonPageText
{
    public static string Stage(LessonStage stage) => stage switch
    {
        LessonStage.LessonIdentified => "Lesson identified",
        LessonStage.RemedialAction => "Remedial action",
        LessonStage.LessonLearned => "Lesson learned",
        _ => "Observation",
    };
}
