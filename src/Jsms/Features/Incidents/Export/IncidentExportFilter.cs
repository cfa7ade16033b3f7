namespace Jsms.Features.Incidents;

/// <summary>Which readable incidents an export or the map takes: a period (on the incident's first day), a country, a province, an attack type, a group.</summary>
internal sealed record IncidentExportFilter(DateOnly? From, DateOnly? To, string? Country, string? Admin1, int? AttackType, string? Group)
{
    public string Describe() => string.Join(", ", new[]
    {
        From is { } f ? $"from {f:yyyy-MM-dd}" : null, To is { } t ? $"to {t:yyyy-MM-dd}" : null, Country is null ? null : $"country {Country}",
        Admin1 is null ? null : $"admin1 {Admin1}", AttackType is null ? null : $"attack type {AttackType}", Group is null ? null : $"group {Group}",
    }.Where(p => p is not null));
}
