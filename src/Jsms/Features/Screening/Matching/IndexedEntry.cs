using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening.Matching;

/// <summary>An entry of the index with its names prepared.</summary>
internal sealed record IndexedEntry(ListSource Source, ListedEntry Entry, PreparedName[] Names);
