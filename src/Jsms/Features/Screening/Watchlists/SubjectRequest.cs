namespace Jsms.Features.Screening.Watchlists;

/// <summary>A subject as clients write it: category (driver, localStaff, contractor, customer...), type (person or entity), names, birth date, nationality, identifiers.</summary>
internal sealed record SubjectRequest(string? Name, string? Category, string? Type, string[]? Aliases, string? BirthDate, string? Nationality,
    string[]? Identifiers, string? Role);
