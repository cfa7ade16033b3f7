using System.Globalization;
using System.Linq.Expressions;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary>
/// The statistics as monthly security reports publish them (docs/incidents.md, "Statistics"): attacks, killed and injured
/// by period and by region, attack type, target type, perpetrator group or victim class, with the change against the
/// previous period. They are counted in the database over the incidents the caller may read (the access policy is the
/// WHERE clause, so what the caller may not see is never counted), grouped on the incident's columns: the month of its
/// first day (<see cref="Incident.PeriodMonth"/>; the week from its day), its province, its first attack and target type, its first group, and the
/// denormalised best estimates. Grouping by victim class counts the casualty rows instead. The database returns at most
/// one row per day or month and group; the periods are formed from those here.
/// </summary>
internal sealed class IncidentStatistics(JsmsDbContext db)
{
    public const string None = "(none)";

    /// <summary>Counts of one month (yyyymm) or, for weeks, one day, and one pair of keys.</summary>
    private sealed record Cell(int Month, DateOnly? Day, string? Key, string? Key2, int Attacks, int Killed, int Injured);

    public static bool IsTime(StatisticsDimension d) => d is StatisticsDimension.Week or StatisticsDimension.Month or StatisticsDimension.Quarter or StatisticsDimension.Year;

    public async Task<StatisticsDto> ComputeAsync(Caller caller, DateOnly from, DateOnly to, StatisticsDimension by, StatisticsDimension? by2, string? country,
        CancellationToken cancellationToken = default)
    {
        var time = IsTime(by) ? by : by2 is { } t && IsTime(t) ? t : (StatisticsDimension?)null;
        var categories = new[] { by, by2 }.Where(d => d is { } x && !IsTime(x)).Select(d => d!.Value).ToList();
        var firstPeriod = time is { } tt ? PeriodStart(tt, from) : from;
        // The period before the first, for the first period's change; without a time dimension, the window of the same length before.
        var previousFrom = time is { } tp ? Previous(tp, firstPeriod) : from.AddDays(-(to.DayNumber - from.DayNumber + 1));
        var cells = await AggregateQueries.WithoutJitAsync(db,
            () => CellsAsync(caller, previousFrom, to, time == StatisticsDimension.Week, categories, country, cancellationToken), cancellationToken);

        var rows = new List<StatisticsRowDto>();
        if (time is { } period)
        {
            var buckets = cells.GroupBy(c => (Period: Label(period, Bucket(period, c)), c.Key, c.Key2))
                .ToDictionary(g => g.Key, g => (g.Sum(c => c.Attacks), g.Sum(c => c.Killed), g.Sum(c => c.Injured)));
            var combinations = buckets.Keys.Select(k => (k.Key, k.Key2)).Distinct().OrderBy(k => k.Key, StringComparer.Ordinal).ThenBy(k => k.Key2, StringComparer.Ordinal).ToList();
            if (combinations.Count == 0 && categories.Count == 0)
            {
                combinations.Add((null, null));
            }
            for (var start = firstPeriod; start <= to; start = Next(period, start))
            {
                var label = Label(period, start);
                var before = Label(period, Previous(period, start));
                foreach (var (key, key2) in combinations)
                {
                    var now = buckets.GetValueOrDefault((label, key, key2));
                    var then = buckets.GetValueOrDefault((before, key, key2));
                    rows.Add(Row(label, key, key2, now, then));
                }
            }
        }
        else
        {
            var current = cells.Where(c => Day(c) >= from).GroupBy(c => (c.Key, c.Key2))
                .ToDictionary(g => g.Key, g => (g.Sum(c => c.Attacks), g.Sum(c => c.Killed), g.Sum(c => c.Injured)));
            var previous = cells.Where(c => Day(c) < from).GroupBy(c => (c.Key, c.Key2))
                .ToDictionary(g => g.Key, g => (g.Sum(c => c.Attacks), g.Sum(c => c.Killed), g.Sum(c => c.Injured)));
            foreach (var ((key, key2), now) in current.OrderByDescending(p => p.Value.Item1).ThenBy(p => p.Key.Key, StringComparer.Ordinal))
            {
                rows.Add(Row(null, key, key2, now, previous.GetValueOrDefault((key, key2))));
            }
        }

        // The totals count incidents, once each (a victim-class grouping would count an incident once per class).
        var totals = categories.Contains(StatisticsDimension.VictimClass)
            ? await AggregateQueries.WithoutJitAsync(db, () => CellsAsync(caller, previousFrom, to, false, [], country, cancellationToken), cancellationToken)
            : cells;
        var totalNow = Sum(totals.Where(c => Day(c) >= firstPeriod));
        var totalThen = Sum(totals.Where(c => Day(c) < firstPeriod));
        return new StatisticsDto(from, to, Name(by), by2 is { } b2 ? Name(b2) : null, country, rows, Row(null, null, null, totalNow, totalThen));
    }

    private static (int, int, int) Sum(IEnumerable<Cell> cells)
    {
        var list = cells.ToList();
        return (list.Sum(c => c.Attacks), list.Sum(c => c.Killed), list.Sum(c => c.Injured));
    }

    private static StatisticsRowDto Row(string? period, string? key, string? key2, (int Attacks, int Killed, int Injured) now, (int Attacks, int Killed, int Injured) then)
        => new(period, key, key2, now.Attacks, now.Killed, now.Injured, Change(now.Attacks, then.Attacks), Change(now.Killed, then.Killed), Change(now.Injured, then.Injured));

    public static double? Change(int now, int then) => then == 0 ? null : Math.Round((now - then) * 100.0 / then, 1, MidpointRounding.AwayFromZero);

    private static DateOnly Day(Cell c) => c.Day ?? new DateOnly(c.Month / 100, c.Month % 100, 1);

    /// <summary>
    /// The counts grouped in the database by month (the stored yyyymm key) or day, for weeks, and the category keys. At most two
    /// categories; a victim-class grouping reads the casualty rows joined to the readable incidents.
    /// </summary>
    private async Task<List<Cell>> CellsAsync(Caller caller, DateOnly from, DateOnly to, bool byDay, List<StatisticsDimension> categories, string? country,
        CancellationToken cancellationToken)
    {
        // The month keys bound the range as well as the days, so the range is read from the statistics index.
        var (fromMonth, toMonth) = (Incident.MonthKey(from), Incident.MonthKey(to));
        var incidents = IncidentQueries.Filtered(db, caller, new IncidentExportFilter(from, to, country, null, null, null))
            .Where(i => i.PeriodMonth >= fromMonth && i.PeriodMonth <= toMonth);
        if (categories.Contains(StatisticsDimension.VictimClass))
        {
            var other = categories.FirstOrDefault(c => c != StatisticsDimension.VictimClass);
            var casualties = incidents.Join(db.Set<IncidentCasualty>(), i => i.Id, c => c.IncidentId, (i, c) => new
            {
                Month = byDay ? 0 : i.PeriodMonth, Day = byDay ? i.OccurredOn : (DateOnly?)null,
                Key = other == StatisticsDimension.Region ? i.Admin1 : other == StatisticsDimension.Country ? i.Country : null,
                Victims = c.VictimClass, c.KilledBest, c.InjuredBest,
            });
            var grouped = await casualties.GroupBy(x => new { x.Month, x.Day, x.Key, x.Victims })
                .Select(g => new { g.Key.Month, g.Key.Day, g.Key.Key, g.Key.Victims, Attacks = g.Count(), Killed = g.Sum(x => x.KilledBest), Injured = g.Sum(x => x.InjuredBest) })
                .ToListAsync(cancellationToken);
            var victimsFirst = categories[0] == StatisticsDimension.VictimClass;
            return [.. grouped.Select(g => new Cell(g.Month, g.Day,
                victimsFirst ? g.Victims.ToString() : g.Key ?? None, categories.Count < 2 ? null : victimsFirst ? g.Key ?? None : g.Victims.ToString(),
                g.Attacks, g.Killed, g.Injured))];
        }
        var perpetrators = db.Set<IncidentPerpetrator>();
        var projected = incidents.Select(Projection(byDay, KeyOf(categories.ElementAtOrDefault(0), categories.Count > 0, perpetrators),
            KeyOf(categories.ElementAtOrDefault(1), categories.Count > 1, perpetrators)));
        var rows = await projected.GroupBy(x => new { x.Month, x.Day, x.Key, x.Key2 })
            .Select(g => new { g.Key.Month, g.Key.Day, g.Key.Key, g.Key.Key2, Attacks = g.Count(), Killed = g.Sum(x => x.KilledBest), Injured = g.Sum(x => x.InjuredBest) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Cell(r.Month, r.Day, Display(categories.ElementAtOrDefault(0), r.Key), categories.Count > 1 ? Display(categories[1], r.Key2) : null,
            r.Attacks, r.Killed, r.Injured))];
    }

    /// <summary>
    /// <c>i =&gt; new StatisticsSource { Month, Day, Key, Key2, KilledBest, InjuredBest }</c> with the two keys' expressions
    /// put in, so one SQL GROUP BY serves every pair of dimensions.
    /// </summary>
    private static Expression<Func<Incident, StatisticsSource>> Projection(bool byDay, Expression<Func<Incident, string?>> key, Expression<Func<Incident, string?>> key2)
    {
        Expression<Func<Incident, StatisticsSource>> shape = byDay
            ? i => new StatisticsSource { Month = 0, Day = i.OccurredOn, KilledBest = i.KilledBest, InjuredBest = i.InjuredBest }
            : i => new StatisticsSource { Month = i.PeriodMonth, Day = null, KilledBest = i.KilledBest, InjuredBest = i.InjuredBest };
        var parameter = shape.Parameters[0];
        var init = (MemberInitExpression)shape.Body;
        var bindings = init.Bindings.Concat([
            Expression.Bind(typeof(StatisticsSource).GetProperty(nameof(StatisticsSource.Key))!, new Replace(key.Parameters[0], parameter).Visit(key.Body)),
            Expression.Bind(typeof(StatisticsSource).GetProperty(nameof(StatisticsSource.Key2))!, new Replace(key2.Parameters[0], parameter).Visit(key2.Body)),
        ]);
        return Expression.Lambda<Func<Incident, StatisticsSource>>(Expression.MemberInit(init.NewExpression, bindings), parameter);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>The category key of an incident, as SQL: text for every dimension, so one projection serves them all.</summary>
    private static Expression<Func<Incident, string?>> KeyOf(StatisticsDimension dimension, bool used, IQueryable<IncidentPerpetrator> perpetrators) => !used ? i => null : dimension switch
    {
        StatisticsDimension.Region => i => i.Admin1,
        StatisticsDimension.Country => i => i.Country,
        StatisticsDimension.AttackType => i => i.AttackTypes.Count > 0 ? i.AttackTypes[0].ToString() : null,
        StatisticsDimension.TargetType => i => i.TargetTypes.Count > 0 ? i.TargetTypes[0].ToString() : null,
        StatisticsDimension.Group => i => perpetrators.Where(p => p.IncidentId == i.Id && p.Ordinal == 0).Select(p => p.Name).FirstOrDefault(),
        _ => i => null,
    };

    private static string Display(StatisticsDimension dimension, string? key) => key is null ? None : dimension switch
    {
        StatisticsDimension.AttackType => GtdCodes.Label(GtdCodes.AttackTypes, int.Parse(key, CultureInfo.InvariantCulture)),
        StatisticsDimension.TargetType => GtdCodes.Label(GtdCodes.TargetTypes, int.Parse(key, CultureInfo.InvariantCulture)),
        _ => key,
    };

    private static DateOnly Bucket(StatisticsDimension period, Cell c) => PeriodStart(period, Day(c));

    public static DateOnly PeriodStart(StatisticsDimension period, DateOnly day) => period switch
    {
        StatisticsDimension.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        StatisticsDimension.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        StatisticsDimension.Year => new DateOnly(day.Year, 1, 1),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    public static DateOnly Next(StatisticsDimension period, DateOnly start) => period switch
    {
        StatisticsDimension.Week => start.AddDays(7),
        StatisticsDimension.Quarter => start.AddMonths(3),
        StatisticsDimension.Year => start.AddYears(1),
        _ => start.AddMonths(1),
    };

    public static DateOnly Previous(StatisticsDimension period, DateOnly start) => period switch
    {
        StatisticsDimension.Week => start.AddDays(-7),
        StatisticsDimension.Quarter => start.AddMonths(-3),
        StatisticsDimension.Year => start.AddYears(-1),
        _ => start.AddMonths(-1),
    };

    public static string Label(StatisticsDimension period, DateOnly start) => period switch
    {
        StatisticsDimension.Week => $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}",
        StatisticsDimension.Quarter => $"{start.Year}-Q{(start.Month - 1) / 3 + 1}",
        StatisticsDimension.Year => start.Year.ToString(CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    public static string Name(StatisticsDimension d) => char.ToLowerInvariant(d.ToString()[0]) + d.ToString()[1..];

    public static bool TryParseDimension(string? text, out StatisticsDimension dimension)
    {
        dimension = default;
        return text is not null && Enum.TryParse(text.Trim(), ignoreCase: true, out dimension) && Enum.IsDefined(dimension)
            && !int.TryParse(text, out _);
    }
}
