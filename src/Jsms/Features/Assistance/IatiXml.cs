using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Jsms.Features.Assistance;

/// <summary>
/// An activity as IATI activity standard 2.03 XML (<c>iati-activities/iati-activity</c>), and back. What IATI has no
/// element for (the FATF rating history, the linked consultation commitments) travels in JSMS's own namespace, which
/// the standard allows, so an export imports back unchanged. Reading refuses DTDs and never resolves external entities.
/// </summary>
internal static class IatiXml
{
    public const string Version = "2.03";
    public static readonly XNamespace Jsms = "urn:jsms:iati-extension:1";
    private static readonly XNamespace XmlNs = XNamespace.Xml;

    public static string Write(AssistanceActivity a, string donorRef, string donorName, IEnumerable<Guid> commitmentIds, DateTime generatedAt)
    {
        static XElement Narrative(string text) => new("narrative", text);
        static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string Num(decimal v) => v.ToString(CultureInfo.InvariantCulture);
        XElement Value(decimal? value, string? currency, DateOnly? valueDate, DateOnly fallbackDate)
            => new("value",
                currency is null ? null : new XAttribute("currency", currency),
                new XAttribute("value-date", Date(valueDate ?? fallbackDate)),
                Num(value ?? 0));

        var activity = new XElement("iati-activity",
            new XAttribute("last-updated-datetime", a.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new XAttribute(XmlNs + "lang", "en"),
            new XAttribute("default-currency", a.DefaultCurrency),
            new XElement("iati-identifier", a.IatiIdentifier),
            new XElement("reporting-org", new XAttribute("ref", donorRef), new XAttribute("type", "10"), Narrative(donorName)),
            new XElement("title", Narrative(a.Title)),
            a.Description is null ? null : new XElement("description", new XAttribute("type", "1"), Narrative(a.Description)),
            new XElement("participating-org", new XAttribute("ref", donorRef), new XAttribute("role", "1"), new XAttribute("type", "10"), Narrative(donorName)),
            new XElement("participating-org", a.ImplementerRef is null ? null : new XAttribute("ref", a.ImplementerRef), new XAttribute("role", "4"),
                Narrative(a.Implementer)),
            new XElement("activity-status", new XAttribute("code", a.Status)),
            new[] { (1, a.PlannedStart), (2, a.ActualStart), (3, a.PlannedEnd), (4, a.ActualEnd) }
                .Where(d => d.Item2 is not null)
                .Select(d => new XElement("activity-date", new XAttribute("iso-date", Date(d.Item2!.Value)), new XAttribute("type", d.Item1))),
            new XElement("sector", new XAttribute("vocabulary", "1"), new XAttribute("code", a.SectorCode), new XAttribute("percentage", "100")),
            a.Budgets.Select(b => new XElement("budget", new XAttribute("type", "1"), new XAttribute("status", "1"),
                new XElement("period-start", new XAttribute("iso-date", Date(b.PeriodStart!.Value))),
                new XElement("period-end", new XAttribute("iso-date", Date(b.PeriodEnd!.Value))),
                Value(b.Value, b.Currency, b.ValueDate, b.PeriodStart!.Value))),
            a.Transactions.Select(t => new XElement("transaction",
                new XElement("transaction-type", new XAttribute("code", t.Type!.Value)),
                new XElement("transaction-date", new XAttribute("iso-date", Date(t.Date!.Value))),
                Value(t.Value, t.Currency, t.ValueDate, t.Date!.Value),
                t.Description is null ? null : new XElement("description", Narrative(t.Description)))),
            a.Conditions.Count == 0 ? null : new XElement("conditions", new XAttribute("attached", "1"),
                a.Conditions.Select(c => new XElement("condition", new XAttribute("type", c.Type!.Value), Narrative(c.Text!)))),
            a.Results.Select(r => new XElement("result", new XAttribute("type", r.Type!.Value), new XAttribute("aggregation-status", "0"),
                new XElement("title", Narrative(r.Title!)),
                r.Indicators.Select(i => new XElement("indicator",
                    new XAttribute("measure", i.Measure!.Value),
                    i.Ascending is null ? null : new XAttribute("ascending", i.Ascending.Value ? "1" : "0"),
                    new XElement("title", Narrative(i.Title!)),
                    i.Reference is null ? null : new XElement("reference", new XAttribute("vocabulary", "99"), new XAttribute("code", i.Reference)),
                    i.BaselineYear is null && i.BaselineValue is null ? null : new XElement("baseline",
                        i.BaselineYear is null ? null : new XAttribute("year", i.BaselineYear.Value),
                        i.BaselineValue is null ? null : new XAttribute("value", Num(i.BaselineValue.Value))),
                    i.Periods.Select(p => new XElement("period",
                        new XElement("period-start", new XAttribute("iso-date", Date(p.Start!.Value))),
                        new XElement("period-end", new XAttribute("iso-date", Date(p.End!.Value))),
                        p.Target is null ? null : new XElement("target", new XAttribute("value", Num(p.Target.Value))),
                        p.Actual is null ? null : new XElement("actual", new XAttribute("value", Num(p.Actual.Value))))),
                    i.Ratings.Select(g => new XElement(Jsms + "rating", new XAttribute("date", Date(g.Date!.Value)), new XAttribute("value", g.Rating!))))))),
            commitmentIds.Select(c => new XElement(Jsms + "commitment", new XAttribute("ref", c))));
        var root = new XElement("iati-activities",
            new XAttribute("version", Version),
            new XAttribute("generated-datetime", generatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new XAttribute(XNamespace.Xmlns + "jsms", Jsms.NamespaceName),
            activity);
        return new XDeclaration("1.0", "utf-8", null) + Environment.NewLine + root.ToString();
    }

    /// <summary>
    /// Reads one <c>iati-activity</c>. Malformed XML, a DTD or an entity, a second activity, or a value that is not what the
    /// standard says gives errors naming the element; nothing else is looked at.
    /// </summary>
    public static (ActivityRequest? Activity, string? ReportingOrg, Dictionary<string, string[]> Errors) Read(Stream xml, long maxCharacters)
    {
        var errors = new Dictionary<string, string[]>();
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = maxCharacters,
                MaxCharactersFromEntities = 0,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var reader = XmlReader.Create(xml, settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            errors["xml"] = [$"Not well-formed IATI XML (DTDs and entities are refused): {e.Message}"];
            return (null, null, errors);
        }
        var root = document.Root!;
        if (root.Name != "iati-activities")
        {
            errors["xml"] = [$"The root element is <{root.Name.LocalName}>: an IATI file starts with <iati-activities>."];
            return (null, null, errors);
        }
        var activities = root.Elements("iati-activity").ToList();
        if (activities.Count != 1)
        {
            errors["iati-activity"] = [$"Import one <iati-activity> at a time (found {activities.Count})."];
            return (null, null, errors);
        }
        var a = activities[0];

        string? Text(XElement? e) => e?.Element("narrative")?.Value is { } t ? t.Trim() : null;
        int? Int(XElement? e, string attribute, string path)
        {
            var text = e?.Attribute(attribute)?.Value;
            if (text is null)
            {
                return null;
            }
            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            errors[path] = [$"'{text}' is not a whole number."];
            return null;
        }
        DateOnly? Date(XElement? e, string attribute, string path)
        {
            var text = e?.Attribute(attribute)?.Value;
            if (text is null)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            errors[path] = [$"'{text}' is not an ISO date (yyyy-MM-dd)."];
            return null;
        }
        decimal? Decimal(string? text, string path)
        {
            if (text is null)
            {
                return null;
            }
            if (decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            errors[path] = [$"'{text}' is not a decimal number."];
            return null;
        }

        var reportingOrg = a.Element("reporting-org")?.Attribute("ref")?.Value.Trim();
        var implementer = a.Elements("participating-org").FirstOrDefault(p => p.Attribute("role")?.Value == "4");
        DateOnly? ActivityDate(int type) => a.Elements("activity-date").Where(d => d.Attribute("type")?.Value == type.ToString(CultureInfo.InvariantCulture))
            .Select(d => Date(d, "iso-date", $"activity-date[@type={type}]/@iso-date")).FirstOrDefault();
        var budgets = a.Elements("budget").Select((b, i) => new ActivityBudget
        {
            PeriodStart = Date(b.Element("period-start"), "iso-date", $"budget[{i + 1}]/period-start/@iso-date"),
            PeriodEnd = Date(b.Element("period-end"), "iso-date", $"budget[{i + 1}]/period-end/@iso-date"),
            Value = Decimal(b.Element("value")?.Value, $"budget[{i + 1}]/value"),
            Currency = b.Element("value")?.Attribute("currency")?.Value,
            ValueDate = Date(b.Element("value"), "value-date", $"budget[{i + 1}]/value/@value-date"),
        }).ToArray();
        var transactions = a.Elements("transaction").Select((t, i) => new ActivityTransaction
        {
            Type = Int(t.Element("transaction-type"), "code", $"transaction[{i + 1}]/transaction-type/@code"),
            Date = Date(t.Element("transaction-date"), "iso-date", $"transaction[{i + 1}]/transaction-date/@iso-date"),
            Value = Decimal(t.Element("value")?.Value, $"transaction[{i + 1}]/value"),
            Currency = t.Element("value")?.Attribute("currency")?.Value,
            ValueDate = Date(t.Element("value"), "value-date", $"transaction[{i + 1}]/value/@value-date"),
            Description = Text(t.Element("description")),
        }).ToArray();
        var conditions = (a.Element("conditions")?.Elements("condition") ?? []).Select((c, i) => new ActivityCondition
        {
            Type = Int(c, "type", $"conditions/condition[{i + 1}]/@type"),
            Text = Text(c),
        }).ToArray();
        var results = a.Elements("result").Select((r, i) => new ActivityResult
        {
            Type = Int(r, "type", $"result[{i + 1}]/@type"),
            Title = Text(r.Element("title")),
            Indicators = r.Elements("indicator").Select((ind, j) =>
            {
                var at = $"result[{i + 1}]/indicator[{j + 1}]";
                var ascending = ind.Attribute("ascending")?.Value;
                return new ResultIndicator
                {
                    Title = Text(ind.Element("title")),
                    Measure = Int(ind, "measure", $"{at}/@measure"),
                    Ascending = ascending is null ? null : ascending is "1" or "true",
                    Reference = ind.Elements("reference").FirstOrDefault(x => x.Attribute("vocabulary")?.Value == "99")?.Attribute("code")?.Value,
                    BaselineYear = Int(ind.Element("baseline"), "year", $"{at}/baseline/@year"),
                    BaselineValue = Decimal(ind.Element("baseline")?.Attribute("value")?.Value, $"{at}/baseline/@value"),
                    Periods = ind.Elements("period").Select((p, k) => new IndicatorPeriod
                    {
                        Start = Date(p.Element("period-start"), "iso-date", $"{at}/period[{k + 1}]/period-start/@iso-date"),
                        End = Date(p.Element("period-end"), "iso-date", $"{at}/period[{k + 1}]/period-end/@iso-date"),
                        Target = Decimal(p.Element("target")?.Attribute("value")?.Value, $"{at}/period[{k + 1}]/target/@value"),
                        Actual = Decimal(p.Element("actual")?.Attribute("value")?.Value, $"{at}/period[{k + 1}]/actual/@value"),
                    }).ToList(),
                    Ratings = ind.Elements(Jsms + "rating").Select((g, k) => new IndicatorRating
                    {
                        Date = Date(g, "date", $"{at}/jsms:rating[{k + 1}]/@date"),
                        Rating = g.Attribute("value")?.Value,
                    }).ToList(),
                };
            }).ToList(),
        }).ToArray();
        var commitments = new List<Guid>();
        foreach (var (c, i) in a.Elements(Jsms + "commitment").Select((c, i) => (c, i)))
        {
            if (Guid.TryParse(c.Attribute("ref")?.Value, out var id))
            {
                commitments.Add(id);
            }
            else
            {
                errors[$"jsms:commitment[{i + 1}]/@ref"] = ["A linked commitment is named by its JSMS id."];
            }
        }
        var request = new ActivityRequest(
            a.Element("iati-identifier")?.Value.Trim(),
            Text(a.Element("title")),
            Text(a.Element("description")),
            Text(implementer),
            implementer?.Attribute("ref")?.Value.Trim(),
            a.Elements("sector").FirstOrDefault(s => (s.Attribute("vocabulary")?.Value ?? "1") == "1")?.Attribute("code")?.Value.Trim(),
            Int(a.Element("activity-status"), "code", "activity-status/@code"),
            ActivityDate(1), ActivityDate(2), ActivityDate(3), ActivityDate(4),
            a.Attribute("default-currency")?.Value ?? "USD",
            budgets, transactions, conditions, results, [.. commitments], null);
        return (request, reportingOrg, errors);
    }
}
