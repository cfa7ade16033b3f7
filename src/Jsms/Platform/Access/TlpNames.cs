namespace Jsms.Platform.Access;

internal static class TlpNames
{
    /// <summary>The label as TLP 2.0 writes it: CLEAR, GREEN, AMBER, AMBER+STRICT, RED.</summary>
    public static string Label(this Tlp tlp) => tlp switch
    {
        Tlp.Clear => "CLEAR",
        Tlp.Green => "GREEN",
        Tlp.Amber => "AMBER",
        Tlp.AmberStrict => "AMBER+STRICT",
        Tlp.Red => "RED",
        _ => throw new ArgumentOutOfRangeException(nameof(tlp)),
    };

    public static bool TryParse(string? text, out Tlp tlp)
    {
        var normalized = (text ?? "").Trim().ToUpperInvariant().Replace("TLP:", "", StringComparison.Ordinal)
            .Replace(' ', '+').Replace('_', '+').Replace('-', '+');
        (var ok, tlp) = normalized switch
        {
            "CLEAR" or "WHITE" => (true, Tlp.Clear),
            "GREEN" => (true, Tlp.Green),
            "AMBER" => (true, Tlp.Amber),
            "AMBER+STRICT" or "AMBERSTRICT" => (true, Tlp.AmberStrict),
            "RED" => (true, Tlp.Red),
            _ => (false, Tlp.Clear),
        };
        return ok;
    }

    public static IReadOnlyList<Tlp> All { get; } = Enum.GetValues<Tlp>();
}
