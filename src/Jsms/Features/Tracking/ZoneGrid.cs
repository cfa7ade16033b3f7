namespace Jsms.Features.Tracking;

/// <summary>
/// Finds the site zones whose envelope contains a point: a uniform grid of cells in degrees, each holding the zones
/// whose envelope overlaps it, so a lookup is one dictionary probe and a few envelope checks whatever the number of
/// sites (an STR-tree walk cost the engine about half its time at 10,000 sites). A zone that would cover more
/// than <see cref="MaxCellsPerZone"/> cells (a very large site) is kept in a short list checked on every lookup.
/// </summary>
internal sealed class ZoneGrid
{
    /// <summary>About 1.1 km north-south: a typical site with its watch zone covers one to four cells.</summary>
    public const double CellDegrees = 0.01;

    private const int MaxCellsPerZone = 4_096;

    private readonly Dictionary<long, SiteZone[]> _cells = new(CellKeyComparer.Instance);
    private readonly SiteZone[] _large;

    public ZoneGrid(IEnumerable<SiteZone> zones)
    {
        var cells = new Dictionary<long, List<SiteZone>>(CellKeyComparer.Instance);
        var large = new List<SiteZone>();
        foreach (var zone in zones)
        {
            var e = zone.Envelope;
            int row0 = Row(e.MinY), row1 = Row(e.MaxY), col0 = Column(e.MinX), col1 = Column(e.MaxX);
            if ((long)(row1 - row0 + 1) * (col1 - col0 + 1) > MaxCellsPerZone)
            {
                large.Add(zone);
                continue;
            }
            for (var row = row0; row <= row1; row++)
            {
                for (var col = col0; col <= col1; col++)
                {
                    var key = Key(row, col);
                    if (!cells.TryGetValue(key, out var list))
                    {
                        cells[key] = list = [];
                    }
                    list.Add(zone);
                }
            }
        }
        foreach (var (key, list) in cells)
        {
            _cells[key] = [.. list];
        }
        _large = [.. large];
    }

    /// <summary>Adds to <paramref name="found"/> the zones whose envelope contains the point (candidates for the exact distance test).</summary>
    public void Candidates(double latitude, double longitude, List<SiteZone> found)
    {
        if (_cells.TryGetValue(Key(Row(latitude), Column(longitude)), out var zones))
        {
            foreach (var zone in zones)
            {
                if (zone.Envelope.Contains(longitude, latitude))
                {
                    found.Add(zone);
                }
            }
        }
        foreach (var zone in _large)
        {
            if (zone.Envelope.Contains(longitude, latitude))
            {
                found.Add(zone);
            }
        }
    }

    private static int Row(double latitude) => (int)Math.Floor(latitude / CellDegrees);

    private static int Column(double longitude) => (int)Math.Floor(longitude / CellDegrees);

    private static long Key(int row, int column) => ((long)row << 32) | (uint)column;

    /// <summary>
    /// A key's own hash folds its halves together (row XOR column): neighbouring cells then share a handful of hash values,
    /// and lookups walked collision chains hundreds long (a fifth of the engine's time). Multiplying by an odd 64-bit
    /// constant and keeping the high bits spreads them.
    /// </summary>
    private sealed class CellKeyComparer : IEqualityComparer<long>
    {
        public static readonly CellKeyComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }
}
