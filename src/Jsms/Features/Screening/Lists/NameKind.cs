namespace Jsms.Features.Screening.Lists;

/// <summary>How a listed name was given: the primary name, an alias (good or low quality), or the name in its original script.</summary>
internal enum NameKind { Primary, Alias, WeakAlias, OriginalScript }
