using Jsms.Platform.Web;

namespace Jsms.Features.Assistance;

/// <summary>Checks a whole <see cref="ActivityRequest"/> (from JSON or IATI XML) and reports every failure under its field path.</summary>
internal static class ActivityValidation
{
    private const decimal MaxMoney = 1_000_000_000_000m;

    public static void Check(ActivityRequest r, Dictionary<string, string[]> errors)
    {
        // A JSON null inside a list (or a null list inside a result) is refused here, before any check reads into it.
        if ((r.Budgets ?? []).Any(b => b is null) || (r.Transactions ?? []).Any(t => t is null) || (r.Conditions ?? []).Any(c => c is null)
            || (r.Results ?? []).Any(x => x is null || x.Indicators is null || x.Indicators.Any(i => i is null || i.Periods is null || i.Ratings is null
                || i.Periods.Any(p => p is null) || i.Ratings.Any(g => g is null))))
        {
            errors["activity"] = ["A list holds a null entry: leave the entry out instead."];
            return;
        }
        Validate.RequireText(errors, "iatiIdentifier", r.IatiIdentifier, 200);
        Validate.RequireText(errors, "title", r.Title, 500);
        Validate.CheckLength(errors, "description", r.Description, 8000);
        Validate.RequireText(errors, "implementer", r.Implementer, 300);
        Validate.CheckLength(errors, "implementerRef", r.ImplementerRef, 100);
        if (r.SectorCode?.Trim() is not { Length: 5 } sector || !sector.All(char.IsAsciiDigit))
        {
            errors["sectorCode"] = ["A DAC 5-digit purpose code is required (e.g. 15113 anti-corruption, 15130 legal and judicial development, 15210 security system management)."];
        }
        if (r.Status is not { } status || !IatiCodes.ActivityStatus.ContainsKey(status))
        {
            errors["status"] = ["An IATI activity status 1 to 6 is required (1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended)."];
        }
        Order(errors, "plannedEnd", r.PlannedStart, r.PlannedEnd);
        Order(errors, "actualEnd", r.ActualStart, r.ActualEnd);
        var currency = r.DefaultCurrency ?? "USD";
        if (!IsCurrency(currency))
        {
            errors["defaultCurrency"] = ["An ISO 4217 currency code of three capital letters (e.g. USD)."];
        }
        var budgets = r.Budgets ?? [];
        Limit(errors, "budgets", budgets.Length, 200);
        for (var i = 0; i < budgets.Length && i < 200; i++)
        {
            var b = budgets[i];
            var at = $"budgets[{i}]";
            if (b.PeriodStart is null || b.PeriodEnd is null)
            {
                errors[$"{at}.periodStart"] = ["A budget has a period start and end."];
            }
            else if (b.PeriodEnd < b.PeriodStart || b.PeriodStart.Value.AddYears(1).AddDays(1) <= b.PeriodEnd)
            {
                errors[$"{at}.periodEnd"] = ["A budget period ends after it starts and is at most a year long."];
            }
            Money(errors, at, b.Value, b.Currency);
        }
        var transactions = r.Transactions ?? [];
        Limit(errors, "transactions", transactions.Length, 2000);
        for (var i = 0; i < transactions.Length && i < 2000; i++)
        {
            var t = transactions[i];
            var at = $"transactions[{i}]";
            if (t.Type is not { } type || !IatiCodes.TransactionTypes.ContainsKey(type))
            {
                errors[$"{at}.type"] = ["A transaction type: 2 (outgoing commitment), 3 (disbursement) or 4 (expenditure)."];
            }
            if (t.Date is null)
            {
                errors[$"{at}.date"] = ["A transaction has a date."];
            }
            Money(errors, at, t.Value, t.Currency);
            Validate.CheckLength(errors, $"{at}.description", t.Description, 2000);
        }
        var conditions = r.Conditions ?? [];
        Limit(errors, "conditions", conditions.Length, 100);
        for (var i = 0; i < conditions.Length && i < 100; i++)
        {
            if (conditions[i].Type is not { } type || !IatiCodes.ConditionTypes.ContainsKey(type))
            {
                errors[$"conditions[{i}].type"] = ["A condition type: 1 (policy), 2 (performance) or 3 (fiduciary)."];
            }
            Validate.RequireText(errors, $"conditions[{i}].text", conditions[i].Text, 4000);
        }
        var results = r.Results ?? [];
        Limit(errors, "results", results.Length, 100);
        for (var i = 0; i < results.Length && i < 100; i++)
        {
            var result = results[i];
            var at = $"results[{i}]";
            if (result.Type is not { } type || !IatiCodes.ResultTypes.ContainsKey(type))
            {
                errors[$"{at}.type"] = ["A result type: 1 (output), 2 (outcome), 3 (impact) or 9 (other)."];
            }
            Validate.RequireText(errors, $"{at}.title", result.Title, 1000);
            Limit(errors, $"{at}.indicators", result.Indicators.Count, 100);
            for (var j = 0; j < result.Indicators.Count && j < 100; j++)
            {
                CheckIndicator(errors, $"{at}.indicators[{j}]", result.Indicators[j]);
            }
        }
        if ((r.CommitmentIds ?? []).Length > 100)
        {
            errors["commitmentIds"] = ["At most 100 linked commitments."];
        }
    }

    private static void CheckIndicator(Dictionary<string, string[]> errors, string at, ResultIndicator indicator)
    {
        Validate.RequireText(errors, $"{at}.title", indicator.Title, 1000);
        if (indicator.Measure is not { } measure || !IatiCodes.IndicatorMeasures.ContainsKey(measure))
        {
            errors[$"{at}.measure"] = ["An indicator measure: 1 unit, 2 percentage, 3 nominal, 4 ordinal or 5 qualitative."];
        }
        if (indicator.BaselineYear is < 1990 or > 2100)
        {
            errors[$"{at}.baselineYear"] = ["A baseline year from 1990 to 2100."];
        }
        if (indicator.Reference is not null && !IatiCodes.FatfReference().IsMatch(indicator.Reference))
        {
            errors[$"{at}.reference"] = [$"'{indicator.Reference}' is not a FATF recommendation (R.1 to R.40) or immediate outcome (IO.1 to IO.11)."];
        }
        Limit(errors, $"{at}.periods", indicator.Periods.Count, 100);
        for (var k = 0; k < indicator.Periods.Count && k < 100; k++)
        {
            var p = indicator.Periods[k];
            if (p.Start is null || p.End is null || p.End < p.Start)
            {
                errors[$"{at}.periods[{k}].end"] = ["A period has a start and an end not before it."];
            }
            if (indicator.Measure is 1 or 2 && (p.Target < 0 || p.Actual < 0))
            {
                errors[$"{at}.periods[{k}].target"] = ["A count or percentage target and actual are not negative."];
            }
        }
        Limit(errors, $"{at}.ratings", indicator.Ratings.Count, 100);
        for (var k = 0; k < indicator.Ratings.Count && k < 100; k++)
        {
            var rating = indicator.Ratings[k];
            if (indicator.Reference is null)
            {
                errors[$"{at}.ratings"] = ["Ratings belong to an indicator that references a FATF recommendation or immediate outcome."];
                break;
            }
            if (rating.Date is null)
            {
                errors[$"{at}.ratings[{k}].date"] = ["A rating has a date."];
            }
            if (IatiCodes.FatfReference().IsMatch(indicator.Reference) && IatiCodes.Rating(indicator.Reference, rating.Rating) is null)
            {
                errors[$"{at}.ratings[{k}].rating"] = [indicator.Reference.StartsWith("IO.", StringComparison.Ordinal)
                    ? "An effectiveness rating: High, Substantial, Moderate or Low."
                    : "A technical compliance rating: C, LC, PC or NC."];
            }
        }
    }

    private static void Money(Dictionary<string, string[]> errors, string at, decimal? value, string? currency)
    {
        if (value is not { } v || v < 0 || v > MaxMoney)
        {
            errors[$"{at}.value"] = ["A value from 0 to 10^12 is required."];
        }
        if (currency is not null && !IsCurrency(currency))
        {
            errors[$"{at}.currency"] = ["An ISO 4217 currency code of three capital letters (e.g. USD)."];
        }
    }

    private static void Order(Dictionary<string, string[]> errors, string field, DateOnly? start, DateOnly? end)
    {
        if (start is not null && end < start)
        {
            errors[field] = ["The end is not before the start."];
        }
    }

    private static void Limit(Dictionary<string, string[]> errors, string field, int count, int max)
    {
        if (count > max)
        {
            errors[field] = [$"At most {max}."];
        }
    }

    public static bool IsCurrency(string text) => text.Length == 3 && text.All(char.IsAsciiLetterUpper);
}
