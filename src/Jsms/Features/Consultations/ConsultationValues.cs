using System.Globalization;

namespace Jsms.Features.Consultations;

/// <summary>Lenient parsing of the values clients type: "counter-terrorism", "CounterTerrorism" and "counter_terrorism" are one sector.</summary>
internal static class ConsultationValues
{
    public const int MaxAcknowledgeMinutes = 7 * 24 * 60;

    public static bool TryParseSector(string? text, out Sector sector) => TryParseEnum(text, out sector);

    public static bool TryParseStatus(string? text, out CommitmentStatus status) => TryParseEnum(text, out status);

    public static bool TryParseDate(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
           && date.Year is >= 1990 and <= 2100;

    public static string SectorChoices { get; } = string.Join(", ", Enum.GetNames<Sector>());

    public static string StatusChoices { get; } = string.Join(", ", Enum.GetNames<CommitmentStatus>());

    private static bool TryParseEnum<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        var compact = new string((text ?? "").Where(char.IsLetterOrDigit).ToArray());
        value = default;
        return compact.Length > 0 && !compact.All(char.IsDigit) && Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static bool IsOpen(CommitmentStatus status) => status is not (CommitmentStatus.Done or CommitmentStatus.Cancelled);
}
