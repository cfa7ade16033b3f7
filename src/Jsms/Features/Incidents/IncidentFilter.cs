namespace Jsms.Features.Incidents;

/// <summary>What the list is narrowed by (all optional): period, place, attack type, perpetrator group, text; and the page.</summary>
internal sealed record IncidentFilter(DateOnly? From, DateOnly? To, string? Country, string? Admin1, int? AttackType, string? Group, string? Text,
    int Page = 1, int PageSize = IncidentFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}
