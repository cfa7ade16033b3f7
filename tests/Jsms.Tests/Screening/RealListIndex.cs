using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;

namespace Jsms.Tests.Screening;

/// <summary>The UN and OFAC lists of the shared test data, indexed once for the matcher's tests.</summary>
public sealed class RealListIndex
{
    internal ScreeningIndex Index { get; }

    public RealListIndex()
    {
        using var un = File.OpenRead(ScreeningApp.UnFile);
        using var sdn = File.OpenRead(Path.Combine(ScreeningApp.Sanctions, "ofac-sdn-2021.csv"));
        using var alt = File.OpenRead(Path.Combine(ScreeningApp.Sanctions, "ofac-alt-2021.csv"));
        using var add = File.OpenRead(Path.Combine(ScreeningApp.Sanctions, "ofac-add-2021.csv"));
        var unEntries = UnListReader.Read(un).Entries;
        var ofac = OfacListReader.Read(sdn, alt, add);
        Index = new ScreeningIndex(unEntries.Select(e => (ListSource.UN, e)).Concat(ofac.Select(e => (ListSource.OFAC, e))));
    }

    /// <summary>How alike two names are as a screening weighs them: words weighed by how informative they are in these lists.</summary>
    internal double Score(string query, string listed, NameSchema schema = NameSchema.Person)
    {
        var stats = Index.Statistics;
        return NameMatcher.Compare(new PreparedName(query, schema, stats), new PreparedName(listed, schema, stats), explain: false).Score;
    }

    /// <summary>
    /// How alike two names are exactly as a search compares them: read without the fixed list of common names, then weighed by
    /// these lists (<see cref="Score"/> reads with that list, as the name-pairs benchmark does, and can differ).
    /// </summary>
    internal double ScoreAsSearched(string query, string listed, NameSchema schema = NameSchema.Person)
    {
        var q = new PreparedName(query, schema);
        var c = new PreparedName(listed, schema);
        q.Reweigh(Index.Statistics);
        c.Reweigh(Index.Statistics);
        return NameMatcher.Compare(q, c, explain: false).Score;
    }
}
