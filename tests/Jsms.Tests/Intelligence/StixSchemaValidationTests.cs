using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Features.Intelligence;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Intelligence.IntelligenceTestApp;

namespace Jsms.Tests.Intelligence;

/// <summary>
/// Every STIX object JSMS emits validates against the OASIS STIX 2.1 JSON schemas (shared/data/stix2/schemas, and the
/// interop marking rules of interop/core.json): all example bundles round-tripped through import and export (TAXII and
/// the API), the TLP 2.0 marking-definitions and the JSMS extension-definition.
/// </summary>
public sealed class StixSchemaValidationTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    public static TheoryData<string> Examples()
    {
        var folder = SharedData.PathOf("stix2", "examples");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(folder, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_round_tripped_through_import_and_export_validates_against_the_schemas(string example)
    {
        var path = SharedData.PathOf("stix2", "examples", example);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        var bundle = (string?)document["type"] == "bundle"
            ? document
            : new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = new JsonArray(document.DeepClone()) };
        var sent = bundle["objects"]!.AsArray().Select(o => (string)o!["id"]!).ToHashSet();

        var collection = await app.CreateCollectionAsync();
        using var analyst = await app.LoginAs("pk.analyst");
        var response = await analyst.PostAsync($"/api/intelligence/collections/{collection}/import?tlp=AMBER&releaseTo=CN-MPS&recipients=cn.liaison",
            new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/json"));
        var reportText = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, reportText);
        var report = JsonDocument.Parse(reportText).RootElement;
        Assert.True(report.GetProperty("refused").GetInt32() == 0, reportText);

        // Export over TAXII: every version, page by page.
        var exported = await TaxiiExportAsync("pk.analyst", collection);
        Assert.Contains(exported, o => (string?)o["id"] == StixMarkings.ReleaseExtensionId);
        foreach (var id in StixMarkings.Tlp2Ids.Values)
        {
            Assert.Contains(exported, o => (string?)o["id"] == id);
        }
        // Export through the API: each object's readable versions (RED ones too, which TAXII never serves).
        foreach (var id in sent)
        {
            var detail = JsonNode.Parse(await analyst.GetStringAsync($"/api/intelligence/objects/{Uri.EscapeDataString(id)}"))!;
            exported.AddRange(detail["versions"]!.AsArray().Select(v => v!["content"]!.DeepClone()));
        }
        Assert.Superset(sent, exported.Select(o => (string)o["id"]!).ToHashSet());
        // What the partner in the release-to list receives is the same JSON.
        exported.AddRange(await TaxiiExportAsync("cn.liaison", collection));

        var result = await StixValidator.ValidateAsync(exported);
        Assert.Equal(exported.Count, result.Checked);
        Assert.True(result.Invalid == 0, result.Report);
    }

    [Fact]
    public async Task The_marking_definitions_and_the_extension_definition_JSMS_writes_validate_against_the_full_interop_profile()
    {
        JsonNode[] definitions = [.. StixMarkings.Tlp2Definitions(), StixMarkings.ReleaseExtensionDefinition()];
        var result = await StixValidator.ValidateAsync(definitions, "--interop");
        Assert.Equal(6, result.Checked);
        Assert.True(result.Invalid == 0, result.Report);
    }

    [Fact]
    public async Task The_demo_intelligence_validates_against_the_full_interop_profile()
    {
        var json = await app.WithDb(db => db.Set<StixObjectVersion>()
            .Where(o => db.Set<StixCollection>().Any(c => c.Id == o.CollectionId && c.Title == "Karachi airport attack (demo)"))
            .Select(o => o.Json).ToListAsync());
        Assert.Equal(18, json.Count); // 12 demo objects, 5 TLP definitions, the extension-definition
        var result = await StixValidator.ValidateAsync(json.Select(j => JsonNode.Parse(j)!), "--interop");
        Assert.True(result.Invalid == 0, result.Report);
    }

    [Fact]
    public async Task The_validator_reports_an_object_that_breaks_the_schema()
    {
        var broken = Indicator("No pattern");
        broken.Remove("pattern");
        broken["modified"] = "yesterday";
        var badMarking = Indicator("Two TLP 1.0 markings");
        badMarking["object_marking_refs"] = new JsonArray("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82");
        var result = await StixValidator.ValidateAsync([broken, badMarking, Indicator("Fine")]);
        Assert.Equal(3, result.Checked);
        Assert.Equal(2, result.Invalid);
        Assert.Contains("pattern", result.Report, StringComparison.Ordinal);
        Assert.Contains("interop/core.json", result.Report, StringComparison.Ordinal);
    }

    private async Task<List<JsonNode>> TaxiiExportAsync(string user, Guid collection)
    {
        using var client = await app.TaxiiAs(user);
        var objects = new List<JsonNode>();
        string? next = null;
        do
        {
            var url = $"/taxii2/api/collections/{collection}/objects/?match[version]=all&limit=50" + (next is null ? "" : $"&next={next}");
            var envelope = JsonNode.Parse(await client.GetStringAsync(url))!;
            objects.AddRange((envelope["objects"]?.AsArray() ?? []).Select(o => o!.DeepClone()));
            next = (bool?)envelope["more"] == true ? (string?)envelope["next"] : null;
        }
        while (next is not null);
        return objects;
    }
}
