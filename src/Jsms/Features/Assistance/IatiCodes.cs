using System.Text.RegularExpressions;

namespace Jsms.Features.Assistance;

/// <summary>The IATI codelists JSMS uses, and the FATF references and rating scales of AML indicators.</summary>
internal static partial class IatiCodes
{
    public static IReadOnlyDictionary<int, string> ActivityStatus { get; } = new Dictionary<int, string>
    {
        [1] = "Pipeline/identification", [2] = "Implementation", [3] = "Finalisation", [4] = "Closed", [5] = "Cancelled", [6] = "Suspended",
    };

    /// <summary>The transaction types an activity records: outgoing commitment, disbursement, expenditure.</summary>
    public static IReadOnlyDictionary<int, string> TransactionTypes { get; } = new Dictionary<int, string>
    {
        [2] = "Outgoing Commitment", [3] = "Disbursement", [4] = "Expenditure",
    };

    public static IReadOnlyDictionary<int, string> ConditionTypes { get; } = new Dictionary<int, string>
    {
        [1] = "Policy", [2] = "Performance", [3] = "Fiduciary",
    };

    public static IReadOnlyDictionary<int, string> ResultTypes { get; } = new Dictionary<int, string>
    {
        [1] = "Output", [2] = "Outcome", [3] = "Impact", [9] = "Other",
    };

    public static IReadOnlyDictionary<int, string> IndicatorMeasures { get; } = new Dictionary<int, string>
    {
        [1] = "Unit", [2] = "Percentage", [3] = "Nominal", [4] = "Ordinal", [5] = "Qualitative",
    };

    /// <summary>DAC 5-digit purpose codes of the security and justice sector (others are accepted, shown by number).</summary>
    public static IReadOnlyDictionary<string, string> Sectors { get; } = new Dictionary<string, string>
    {
        ["15110"] = "Public sector policy and administrative management",
        ["15113"] = "Anti-corruption organisations and institutions",
        ["15130"] = "Legal and judicial development",
        ["15210"] = "Security system management and reform",
        ["15220"] = "Civilian peace-building, conflict prevention and resolution",
        ["15230"] = "Participation in international peacekeeping operations",
        ["15240"] = "Reintegration and SALW control",
        ["15250"] = "Removal of land mines and explosive remnants of war",
        ["15261"] = "Child soldiers (prevention and demobilisation)",
        ["24010"] = "Financial policy and administrative management",
    };

    /// <summary>FATF recommendations R.1 to R.40 (technical compliance) and immediate outcomes IO.1 to IO.11 (effectiveness).</summary>
    [GeneratedRegex(@"^(R\.([1-9]|[1-3][0-9]|40)|IO\.([1-9]|1[01]))$")]
    public static partial Regex FatfReference();

    public static readonly string[] TechnicalCompliance = ["C", "LC", "PC", "NC"];

    public static readonly string[] Effectiveness = ["High", "Substantial", "Moderate", "Low"];

    /// <summary>The rating as written on its scale (<c>lc</c> becomes <c>LC</c>), or null when it is not on the scale of the reference.</summary>
    public static string? Rating(string reference, string? rating)
    {
        var scale = reference.StartsWith("IO.", StringComparison.Ordinal) ? Effectiveness : TechnicalCompliance;
        return scale.FirstOrDefault(s => string.Equals(s, rating?.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
