namespace Jsms.Features.Intelligence;

internal sealed record RfiSummary(Guid Id, string From, IReadOnlyList<string> To, string Title, DateTime AskedAt, DateTime DueAt, string Status,
    bool Overdue, int Answered, string Tlp);
