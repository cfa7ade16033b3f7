namespace Jsms.Features.Equipment;

/// <summary>The lines of an agreement, stored as one JSON column (they are read and written only with it).</summary>
internal sealed class SupplyItems : List<SupplyItem>;
