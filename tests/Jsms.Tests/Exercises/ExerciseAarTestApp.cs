namespace Jsms.Tests.Exercises;

/// <summary>The app with tokens that outlive the month the tests move the clock by.</summary>
public sealed class ExerciseAarTestApp : JsmsTestApp
{
    protected override IEnumerable<string> ExtraArguments => ["--Jsms:TokenLifetimeMinutes=525600"];
}
