using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening.Matching;

/// <summary>A question to the lists: a name, and optionally a birth date, a nationality (ISO code or name) and a type.</summary>
internal sealed record ScreeningQuery(string Name, BirthDate? BirthDate = null, string? Nationality = null, EntryKind? Type = null);
