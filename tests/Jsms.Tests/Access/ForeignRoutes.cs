namespace Jsms.Tests.Access;

/// <summary>
/// Every route of the swept modules that names a record (an <c>{id}</c>, nested ids too), with the records of
/// <see cref="ForeignRecordApp"/> it is called on. A module's new route with an id gets a row here:
/// <see cref="ForeignRecordSweepTests.Every_route_with_an_id_of_the_swept_modules_has_a_row"/> fails until it has one.
/// <see cref="Snapshots"/> are what the owner reads before and after, to show that nothing changed.
/// </summary>
internal static class ForeignRoutes
{
    /// <summary>The path prefixes swept, by module.</summary>
    public static readonly IReadOnlyDictionary<string, string> Prefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Exercises"] = "/api/exercises",
        ["Lessons"] = "/api/lessons",
        ["Training"] = "/api/training",
        ["Equipment"] = "/api/equipment",
        ["Assistance"] = "/api/assistance",
        ["Incidents"] = "/api/incidents",
        ["Operations"] = "/api/operations",
        ["Alerts"] = "/api/alerts",
    };

    /// <summary>Routes with an id that are not about one record of a module, each with why it is not swept here.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotSwept = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GET /api/training/people/{}"] = "A person's training record: a list filtered to the courses the caller may read (the counts test covers it).",
    };

    private static readonly object Note = new { note = "Refusal sweep.", reason = "Refusal sweep." };

    public static readonly IReadOnlyList<ForeignRoute> All =
    [
        new("Exercises", "GET", "/api/exercises/{exercise}"),
        new("Exercises", "POST", "/api/exercises/{exercise}/objectives", new { code = "O9", text = "Another objective." }),
        new("Exercises", "PUT", "/api/exercises/{exercise}/objectives/{objective}", new { result = "Met", evidence = "Seen." }),
        new("Exercises", "POST", "/api/exercises/{exercise}/phase", new { to = "AfterActionReport", note = "Moved." }),
        new("Exercises", "POST", "/api/exercises/{exercise}/injects",
            new { plannedAt = "2026-03-10T10:00:00Z", sender = "EXCON", receiver = "Ops", method = "Phone", content = "Another call." }),
        new("Exercises", "POST", "/api/exercises/{exercise}/injects/{inject}/mark", new { observedAction = "Answered.", assessment = "Met" }),
        new("Exercises", "POST", "/api/exercises/{exercise}/injects/{inject}/replay"),
        new("Exercises", "PUT", "/api/exercises/{exercise}/aar", new { hotWashNotes = "Changed.", summary = "Changed." }),
        new("Exercises", "POST", "/api/exercises/{exercise}/improvements",
            new { correctiveAction = "Another action.", ownerAgency = "US-CT", dueOn = "2026-05-01" }),
        new("Exercises", "PATCH", "/api/exercises/{exercise}/improvements/{improvement}", new { status = "Completed" }),

        new("Lessons", "GET", "/api/lessons/{lesson}"),
        new("Lessons", "POST", "/api/lessons/{lesson}/identify", new { analysis = "Changed.", rootCause = "Changed." }),
        new("Lessons", "POST", "/api/lessons/{lesson}/action", new { action = "Changed.", actionAgency = "US-CT", dueOn = "2026-05-01" }),
        new("Lessons", "PATCH", "/api/lessons/{lesson}/action", new { status = "Completed" }),
        new("Lessons", "POST", "/api/lessons/{lesson}/validate", new { validationNote = "Changed." }),

        new("Training", "GET", "/api/training/courses/{course}"),
        new("Training", "POST", "/api/training/courses/{course}/sessions", new { startsOn = "2026-04-01", place = "Washington" }),
        new("Training", "GET", "/api/training/sessions/{session}"),
        new("Training", "POST", "/api/training/sessions/{session}/enrolments", new { userName = "us.analyst" }),
        new("Training", "PATCH", "/api/training/enrolments/{enrolment}", new { status = "Completed", passed = true }),

        new("Equipment", "GET", "/api/equipment/agreements/{agreement}"),
        new("Equipment", "POST", "/api/equipment/agreements/{agreement}/deliveries",
            new { deliveredOn = "2026-03-01", items = new[] { new { itemType = "Radio", serialNumber = "US-1" } } }),
        new("Equipment", "POST", "/api/equipment/agreements/{agreement}/inventories",
            new { place = "Elsewhere", lines = new[] { new { serialNumber = "US-1", status = "Missing" } } }),
        new("Equipment", "POST", "/api/equipment/agreements/{agreement}/transfers",
            new { thirdParty = "Anyone", serialNumbers = new[] { "US-1" }, reason = "Because." }),
        new("Equipment", "GET", "/api/equipment/transfers/{transfer}"),
        new("Equipment", "POST", "/api/equipment/transfers/{transfer}/decision", new { approve = true }),

        new("Assistance", "GET", "/api/assistance/activities/{activity}"),
        new("Assistance", "GET", "/api/assistance/activities/{activity}/iati"),
        new("Assistance", "PUT", "/api/assistance/activities/{activity}",
            new { iatiIdentifier = "US-CT-1", title = "Changed", implementer = "Someone", sectorCode = "15130", status = 2, plannedStart = "2026-01-01" }),

        new("Incidents", "GET", "/api/incidents/{incident}"),
        new("Incidents", "GET", "/api/incidents/{incident}/versions"),
        new("Incidents", "PUT", "/api/incidents/{incident}",
            new { title = "Changed", occurredOn = "2026-02-14", datePrecision = "Day", country = "PK", placePrecision = "Country", attackTypes = new[] { 3 } }),
        new("Incidents", "DELETE", "/api/incidents/{incident}"),
        new("Incidents", "POST", "/api/incidents/{incident}/merge", new { otherId = Guid.Empty }),

        new("Operations", "GET", "/api/operations/consent-requests/{consentRequest}"),
        new("Operations", "PUT", "/api/operations/consent-requests/{consentRequest}", new { purpose = "Changed." }),
        new("Operations", "POST", "/api/operations/consent-requests/{consentRequest}/clone"),
        new("Operations", "POST", "/api/operations/consent-requests/{consentRequest}/submit"),
        new("Operations", "POST", "/api/operations/consent-requests/{consentRequest}/withdraw"),
        new("Operations", "POST", "/api/operations/consent-requests/{consentRequest}/decisions", new { answer = "Approve", reasons = "Fine." }),
        new("Operations", "GET", "/api/operations/consents/{consent}"),
        new("Operations", "POST", "/api/operations/consents/{consent}/amend"),
        new("Operations", "POST", "/api/operations/consents/{consent}/suspend", Note),
        new("Operations", "POST", "/api/operations/consents/{consent}/resume", Note),
        new("Operations", "POST", "/api/operations/consents/{consent}/revoke", Note),
        new("Operations", "PUT", "/api/operations/consents/{consent}/marking", new { tlp = "AMBER", releaseTo = new[] { "US-CT" } }),
        new("Operations", "GET", "/api/operations/joint/{operation}"),
        new("Operations", "PUT", "/api/operations/joint/{operation}", new { name = "Changed" }),
        new("Operations", "POST", "/api/operations/joint/{operation}/status", new { status = "Approved", note = "Fine." }),
        new("Operations", "POST", "/api/operations/joint/{operation}/outcome", new { arrests = 1, notes = "Changed." }),

        new("Alerts", "GET", "/api/alerts/{alert}"),
        new("Alerts", "POST", "/api/alerts/{alert}/acknowledge"),
        new("Alerts", "POST", "/api/alerts/{alert}/resolve", new { note = "Changed." }),
        new("Alerts", "POST", "/api/alerts/{alert}/assign", new { userId = Guid.Empty }),
        new("Alerts", "GET", "/api/alerts/{alert}/comments"),
        new("Alerts", "POST", "/api/alerts/{alert}/comments", new { text = "Changed." }),
        new("Alerts", "GET", "/api/alerts/{alert}/history"),
        new("Alerts", "POST", "/api/alerts/{alert}/escalate"),
    ];

    /// <summary>What the owner reads of the module's foreign records, compared before and after the outsider's calls.</summary>
    public static readonly IReadOnlyDictionary<string, (string User, string[] Templates)> Snapshots = new Dictionary<string, (string, string[])>(StringComparer.Ordinal)
    {
        ["Exercises"] = ("pk.analyst", ["/api/exercises/{exercise}"]),
        ["Lessons"] = ("pk.analyst", ["/api/lessons/{lesson}"]),
        ["Training"] = ("pk.analyst", ["/api/training/courses/{course}", "/api/training/sessions/{session}"]),
        ["Equipment"] = ("ru.analyst", ["/api/equipment/agreements/{agreement}", "/api/equipment/transfers/{transfer}"]),
        ["Assistance"] = ("pk.analyst", ["/api/assistance/activities/{activity}"]),
        ["Incidents"] = ("pk.analyst", ["/api/incidents/{incident}", "/api/incidents/{incident}/versions"]),
        ["Operations"] = ("admin", []),
        ["Alerts"] = ("pk.coordinator", ["/api/alerts/{alert}", "/api/alerts/{alert}/history", "/api/alerts/{alert}/comments"]),
    };

    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var module in Prefixes.Keys)
        {
            data.Add(module);
        }
        return data;
    }
}
