namespace Jsms.Features.Incidents;

/// <summary>The code lists incidents are typed by (<see cref="GtdCodes"/>), and the enumerations' names.</summary>
internal sealed record IncidentCodesDto(IReadOnlyList<CodeDto> AttackTypes, IReadOnlyList<CodeDto> WeaponTypes, IReadOnlyList<CodeDto> TargetTypes,
    IReadOnlyList<string> DatePrecisions, IReadOnlyList<string> PlacePrecisions, IReadOnlyList<string> VictimClasses, IReadOnlyList<string> SourceFormats)
{
    public static IncidentCodesDto All { get; } = new(
        [.. GtdCodes.AttackTypes.Select(c => new CodeDto(c.Key, c.Value))],
        [.. GtdCodes.WeaponTypes.Select(c => new CodeDto(c.Key, c.Value))],
        [.. GtdCodes.TargetTypes.Select(c => new CodeDto(c.Key, c.Value))],
        Enum.GetNames<DatePrecision>(), Enum.GetNames<PlacePrecision>(), Enum.GetNames<VictimClass>(), Enum.GetNames<SourceFormat>());
}
