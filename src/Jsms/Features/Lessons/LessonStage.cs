namespace Jsms.Features.Lessons;

/// <summary>The lessons-learned process, in order (<see cref="LessonStages"/> enforces it).</summary>
internal enum LessonStage { Observation, LessonIdentified, RemedialAction, LessonLearned }
