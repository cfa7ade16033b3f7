namespace Jsms.Features.Operations;

/// <summary>Who is on a host state's territory now under one consent: its personnel and vehicles.</summary>
internal sealed record ActivePresenceDto(Guid ConsentId, string RequestingAgency, string Kind, string Purpose, DateTime EffectiveStart,
    DateTime EffectiveEnd, List<PersonnelDto> Personnel, List<VehicleDto> Vehicles);
