using System.Globalization;
using System.Text;
using System.Text.Json;
using Jsms.Features.Protection;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Simplify;

namespace Jsms.Features.Incidents;

/// <summary>
/// The first-level administrative areas (provinces, states) of every country for the heat view, read once from
/// <c>basemap/admin1.geojson</c> beside the application (prepared by the build from Natural Earth's admin-1 areas,
/// src/Jsms/scripts/prepare-admin1-areas.mjs) and kept in memory: each area simplified for a country-scale map, its
/// GeoJSON geometry written once, found by country and name (spellings folded, former names known) or by a point.
/// One copy per application (a singleton), loaded on first use: the file does not change while the application runs.
/// </summary>
internal sealed class Admin1Areas
{
    /// <summary>About a kilometre: the heat view shows a country or a region, never a street.</summary>
    private const double Tolerance = 0.01;

    /// <summary>
    /// Names the incidents' data sets use (GTD, ACLED, UCDP, the register) for areas the source still names as before a
    /// renaming, by country: the data set's name folded → the area's code.
    /// </summary>
    private static readonly Dictionary<string, string> FormerNames = new(StringComparer.Ordinal)
    {
        ["PK:" + Fold("Sindh")] = "PK.SD",
        ["PK:" + Fold("Balochistan")] = "PK.BA",
        ["PK:" + Fold("Khyber Pakhtunkhwa")] = "PK.NW",
        ["PK:" + Fold("North-West Frontier Province")] = "PK.NW",
        ["PK:" + Fold("Gilgit-Baltistan")] = "PK.NA",
        ["PK:" + Fold("Islamabad Capital Territory")] = "PK.IS",
        ["PK:" + Fold("Islamabad")] = "PK.IS",
        ["PK:" + Fold("Federally Administered Tribal Areas")] = "PK.TA",
        ["PK:" + Fold("Azad Jammu and Kashmir")] = "PK.JK",
        ["PK:" + Fold("Azad Kashmir")] = "PK.JK",
    };

    private readonly Dictionary<string, Admin1Area> _byName;
    private readonly Dictionary<string, List<Admin1Area>> _byCountry;
    private readonly STRtree<Admin1Area> _index;

    private Admin1Areas(List<Admin1Area> areas)
    {
        Areas = areas;
        _byCountry = areas.GroupBy(a => a.Country).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _byName = new Dictionary<string, Admin1Area>(StringComparer.Ordinal);
        var byCode = areas.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var area in areas)
        {
            _byName.TryAdd(area.Country + ":" + Fold(area.Name), area);
        }
        foreach (var (name, code) in FormerNames)
        {
            if (byCode.TryGetValue(code, out var area))
            {
                _byName.TryAdd(name, area);
            }
        }
        _index = new STRtree<Admin1Area>();
        foreach (var area in areas)
        {
            _index.Insert(area.Geometry.EnvelopeInternal, area);
        }
        _index.Build();
    }

    /// <summary>The areas shipped beside the application (none when the build did not prepare them).</summary>
    public static Admin1Areas LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "basemap", "admin1.geojson"));

    public IReadOnlyList<Admin1Area> Areas { get; }

    public IReadOnlyList<Admin1Area> OfCountry(string country) => _byCountry.TryGetValue(country, out var list) ? list : [];

    /// <summary>The area a data set names (case, accents, spaces and punctuation aside), in the country given.</summary>
    public Admin1Area? Find(string country, string admin1) => _byName.GetValueOrDefault(country.ToUpperInvariant() + ":" + Fold(admin1));

    /// <summary>The area a point (longitude, latitude) lies in, if any.</summary>
    public Admin1Area? Locate(double longitude, double latitude)
    {
        var point = new Coordinate(longitude, latitude);
        foreach (var area in _index.Query(new Envelope(point)))
        {
            if (area.Prepared.Contains(Geo.Factory.CreatePoint(point)))
            {
                return area;
            }
        }
        return null;
    }

    public static Admin1Areas Load(string path)
    {
        if (!File.Exists(path))
        {
            return new Admin1Areas([]);
        }
        var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllBytes(path), Geo.JsonOptions) ?? [];
        var areas = new List<Admin1Area>(collection.Count);
        foreach (var feature in collection)
        {
            var country = feature.Attributes?["country"] as string;
            var name = feature.Attributes?["name"] as string;
            var code = feature.Attributes?["code"] as string;
            if (country is null || name is null || code is null || feature.Geometry is not (Polygon or MultiPolygon))
            {
                continue;
            }
            areas.Add(new Admin1Area(country, name, code, feature.Geometry, Simplified));
        }
        return new Admin1Areas(areas);
    }

    private static string Simplified(Geometry geometry)
    {
        var simplified = TopologyPreservingSimplifier.Simplify(geometry, Tolerance);
        return JsonSerializer.Serialize(simplified.IsEmpty ? geometry : simplified, Geo.JsonOptions);
    }

    /// <summary>A name as compared: lower case, accents dropped, letters and digits only ("N.W.F.P." → "nwfp").</summary>
    public static string Fold(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }
        return text.ToString();
    }
}
