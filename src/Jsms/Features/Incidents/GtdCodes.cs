namespace Jsms.Features.Incidents;

/// <summary>
/// The fixed lists of the Global Terrorism Database codebook that incidents are typed by: attack type
/// (<c>attacktype1</c>–<c>3</c>), weapon type (<c>weaptype1</c>–<c>4</c>) and target/victim type
/// (<c>targtype1</c>–<c>3</c>). Incidents store the codes; these are their labels, so imports and exports in the GTD
/// layout keep the same numbers.
/// </summary>
internal static class GtdCodes
{
    public static IReadOnlyDictionary<int, string> AttackTypes { get; } = new SortedDictionary<int, string>
    {
        [1] = "Assassination",
        [2] = "Armed Assault",
        [3] = "Bombing/Explosion",
        [4] = "Hijacking",
        [5] = "Hostage Taking (Barricade Incident)",
        [6] = "Hostage Taking (Kidnapping)",
        [7] = "Facility/Infrastructure Attack",
        [8] = "Unarmed Assault",
        [9] = "Unknown",
    };

    public static IReadOnlyDictionary<int, string> WeaponTypes { get; } = new SortedDictionary<int, string>
    {
        [1] = "Biological",
        [2] = "Chemical",
        [3] = "Radiological",
        [4] = "Nuclear",
        [5] = "Firearms",
        [6] = "Explosives",
        [7] = "Fake Weapons",
        [8] = "Incendiary",
        [9] = "Melee",
        [10] = "Vehicle (not vehicle-borne explosives)",
        [11] = "Sabotage Equipment",
        [12] = "Other",
        [13] = "Unknown",
    };

    public static IReadOnlyDictionary<int, string> TargetTypes { get; } = new SortedDictionary<int, string>
    {
        [1] = "Business",
        [2] = "Government (General)",
        [3] = "Police",
        [4] = "Military",
        [5] = "Abortion Related",
        [6] = "Airports & Aircraft",
        [7] = "Government (Diplomatic)",
        [8] = "Educational Institution",
        [9] = "Food or Water Supply",
        [10] = "Journalists & Media",
        [11] = "Maritime",
        [12] = "NGO",
        [13] = "Other",
        [14] = "Private Citizens & Property",
        [15] = "Religious Figures/Institutions",
        [16] = "Telecommunication",
        [17] = "Terrorists/Non-State Militia",
        [18] = "Tourists",
        [19] = "Transportation",
        [20] = "Unknown",
        [21] = "Utilities",
        [22] = "Violent Political Party",
    };

    // Codes the demo and the tests name.
    public const int Assassination = 1;
    public const int ArmedAssault = 2;
    public const int Bombing = 3;
    public const int Kidnapping = 6;
    public const int FacilityAttack = 7;
    public const int Firearms = 5;
    public const int Explosives = 6;
    public const int TargetBusiness = 1;
    public const int TargetGovernment = 2;
    public const int TargetPolice = 3;
    public const int TargetMilitary = 4;
    public const int TargetAirports = 6;
    public const int TargetPrivateCitizens = 14;
    public const int TargetTransportation = 19;
    public const int TargetUtilities = 21;

    public static string Label(IReadOnlyDictionary<int, string> list, int code) => list.TryGetValue(code, out var label) ? label : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
