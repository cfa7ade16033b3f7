namespace Jsms.Platform.Access;

/// <summary>
/// A need-to-know record (a movement's route and schedule): besides the ordinary rule, the owner agency's
/// coordinators read it at every level, RED included (docs/access-policy.md, "Need-to-know records").
/// </summary>
internal interface INeedToKnow : IReleasable;
