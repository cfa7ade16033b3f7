using System.Reflection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Audit;

/// <summary>
/// Resolves the records and agencies of audit entries to names and links for the viewer. Shared records are read
/// through the access policy (<see cref="AccessPolicy.Readable{T}"/>), so an administrator reading the log learns
/// nothing of a record they could not open: such an entry keeps its bare id. The directory (users, agencies,
/// states) is named for every administrator, who lists it anyway.
/// </summary>
internal static class AuditNames
{
    /// <summary>The page of a record kind, where one exists ({0} is the id).</summary>
    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        ["Alert"] = "/Alerts/Detail/{0}",
        ["Incident"] = "/Incidents/Incident/{0}",
        ["Site"] = "/Protection/Site/{0}",
        ["ProtectedPerson"] = "/Protection/Person/{0}",
        ["Movement"] = "/Protection/Movement/{0}",
        ["Sensor"] = "/Tracking/Sensor/{0}",
        ["Device"] = "/Tracking/Device/{0}",
        ["Dialogue"] = "/Consultations/Dialogue/{0}",
        ["Meeting"] = "/Consultations/Meeting/{0}",
        ["Commitment"] = "/Consultations/Commitment/{0}",
        ["Lesson"] = "/Lessons/Lesson/{0}",
        ["SupplyAgreement"] = "/Equipment/Agreement/{0}",
        ["Course"] = "/Training/Course/{0}",
        ["JointOperation"] = "/Operations/JointOperation/{0}",
        ["ConsentRequest"] = "/Operations/Request/{0}",
        ["AssistanceActivity"] = "/Assistance/Activity/{0}",
        ["Exercise"] = "/Exercises/Exercise/{0}",
        ["User"] = "/Audit?recordId={0}",
        ["Agency"] = "/Partners",
        ["State"] = "/Partners",
    };

    /// <summary>Properties tried, in order, as a record's name.</summary>
    private static readonly string[] NameProperties = ["Title", "Name", "DisplayName", "Code", "UserName"];

    private static readonly MethodInfo ReadableNamesMethod = typeof(AuditNames).GetMethod(nameof(ReadableNamesAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Names by (record type, id) for the records of these entries that the viewer may read.</summary>
    public static async Task<Dictionary<(string Type, Guid Id), AuditRecordName>> RecordsAsync(JsmsDbContext db, Caller viewer,
        IEnumerable<AuditEntryDto> entries, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<(string, Guid), AuditRecordName>();
        foreach (var group in entries.Where(e => e.RecordType is not null && e.RecordId is not null)
                     .GroupBy(e => e.RecordType!, e => e.RecordId!.Value))
        {
            var ids = group.Distinct().ToList();
            var names = await NamesAsync(db, viewer, group.Key, ids, cancellationToken);
            if (names is null)
            {
                continue; // a kind without names (tokens, grants): the id is all there is to show
            }
            Pages.TryGetValue(group.Key, out var page);
            foreach (var id in ids)
            {
                result[(group.Key, id)] = names.TryGetValue(id, out var name)
                    ? new AuditRecordName(name, page is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, page, id), false)
                    : AuditRecordName.NotVisible;
            }
        }
        return result;
    }

    /// <summary>Agency codes and names by id, for the agency each entry's user acted for.</summary>
    public static async Task<Dictionary<Guid, (string Code, string Name)>> AgenciesAsync(JsmsDbContext db, IEnumerable<AuditEntryDto> entries,
        CancellationToken cancellationToken = default)
    {
        var ids = entries.Where(e => e.AgencyId is not null).Select(e => e.AgencyId!.Value).Distinct().ToList();
        return await db.Set<Agency>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), cancellationToken);
    }

    /// <summary>Names of the readable ones among these ids, or null when the kind is not a named entity.</summary>
    private static async Task<Dictionary<Guid, string>?> NamesAsync(JsmsDbContext db, Caller viewer, string recordType, List<Guid> ids,
        CancellationToken cancellationToken)
    {
        switch (recordType)
        {
            case "User":
                return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                    .ToDictionaryAsync(u => u.Id, u => $"{u.UserName} ({u.DisplayName})", cancellationToken);
            case "Agency":
                return await db.Set<Agency>().AsNoTracking().Where(a => ids.Contains(a.Id))
                    .ToDictionaryAsync(a => a.Id, a => $"{a.Code} · {a.Name}", cancellationToken);
            case "State":
                return await db.Set<State>().AsNoTracking().Where(s => ids.Contains(s.Id))
                    .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        }
        var entityType = db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == recordType && !t.IsOwned() && !t.HasSharedClrType);
        if (entityType is null || !typeof(IReleasable).IsAssignableFrom(entityType.ClrType)
            || entityType.FindPrimaryKey()?.Properties is not [{ Name: "Id" } key] || key.ClrType != typeof(Guid))
        {
            return null;
        }
        var nameProperty = NameProperties.FirstOrDefault(p => entityType.FindProperty(p)?.ClrType == typeof(string));
        if (nameProperty is null)
        {
            return null;
        }
        var task = (Task<Dictionary<Guid, string>>)ReadableNamesMethod.MakeGenericMethod(entityType.ClrType)
            .Invoke(null, [db, viewer, ids, nameProperty, cancellationToken])!;
        return await task;
    }

    private static Task<Dictionary<Guid, string>> ReadableNamesAsync<T>(JsmsDbContext db, Caller viewer, List<Guid> ids, string nameProperty,
        CancellationToken cancellationToken) where T : class, IReleasable
        => db.Readable<T>(viewer).AsNoTracking()
            .Where(r => ids.Contains(EF.Property<Guid>(r, "Id")))
            .Select(r => new { Id = EF.Property<Guid>(r, "Id"), Name = EF.Property<string>(r, nameProperty) })
            .ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
}
