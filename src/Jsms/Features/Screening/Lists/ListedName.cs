namespace Jsms.Features.Screening.Lists;

internal sealed record ListedName(string Name, NameKind Kind);
