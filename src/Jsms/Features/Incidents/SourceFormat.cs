namespace Jsms.Features.Incidents;

/// <summary>Where a source record came from: typed in, or imported from a data set whose event id it keeps.</summary>
internal enum SourceFormat
{
    Manual,
    Gtd,
    Acled,
    Ucdp,
}
