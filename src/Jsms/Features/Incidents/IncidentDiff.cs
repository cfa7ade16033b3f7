using System.Security.Cryptography;
using System.Text.Json;

namespace Jsms.Features.Incidents;

/// <summary>
/// What changed between two states of an incident, and the fingerprint of an imported row: one place for the register's
/// versions (<see cref="IncidentsService"/>) and the importer (<see cref="IncidentImporter"/>), so an edit and a corrected
/// file name their changed fields the same way.
/// </summary>
internal static class IncidentDiff
{
    /// <summary>Fields every change moves, so not worth naming as changed.</summary>
    private static readonly HashSet<string> Bookkeeping = ["version", "updatedAt", "sourcesDiffer"];

    /// <summary>The snapshot a version keeps: the incident as the API returns it.</summary>
    public static JsonElement Snapshot(IncidentDetailDto incident) => JsonSerializer.SerializeToElement(incident, IncidentsService.SnapshotJson);

    /// <summary>The names of the top-level fields whose value differs between the two snapshots (bookkeeping left out).</summary>
    public static List<string> ChangedFields(JsonElement before, JsonElement after)
        => [.. after.EnumerateObject()
            .Where(p => !Bookkeeping.Contains(p.Name) && (!before.TryGetProperty(p.Name, out var was) || was.GetRawText() != p.Value.GetRawText()))
            .Select(p => p.Name)];

    /// <summary>
    /// The fingerprint of an imported event as the file gave it (the mapped request, so a new unknown column or another column
    /// order does not count as a change): stored on the data set's source row, a re-import compares it and loads nothing more
    /// for an event whose fingerprint is unchanged.
    /// </summary>
    public static string ContentHash(IncidentRequest request)
        => Convert.ToBase64String(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, IncidentsService.SnapshotJson)));
}
