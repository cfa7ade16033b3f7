namespace Jsms.Features.Incidents;

/// <summary>How exactly the point places an incident; the values are the GTD <c>specificity</c> codes 1–5.</summary>
internal enum PlacePrecision
{
    /// <summary>The exact place (GTD 1).</summary>
    Exact = 1,
    /// <summary>The town or village it happened in or near (GTD 2).</summary>
    Near = 2,
    /// <summary>Somewhere in the district (admin2); the point is its centre (GTD 3).</summary>
    Admin2 = 3,
    /// <summary>Somewhere in the province (admin1); the point is its centre (GTD 4).</summary>
    Admin1 = 4,
    /// <summary>Only the country is known (GTD 5).</summary>
    Country = 5,
}
