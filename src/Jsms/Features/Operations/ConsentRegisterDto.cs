using System.Text.Json;

namespace Jsms.Features.Operations;

/// <summary>
/// Who is on a state's territory under which consent, at <see cref="At"/>: the consents the caller may read (in force,
/// suspended, upcoming, or lapsed in the last week) and their areas as a GeoJSON FeatureCollection (each feature's
/// properties: consentId, status, requestingAgency).
/// </summary>
internal sealed record ConsentRegisterDto(string State, DateTime At, List<RegisterEntryDto> Consents, JsonElement Areas);
