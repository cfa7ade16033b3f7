using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Lists;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Screening;

public sealed class NationalSpreadsheetTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// A workbook as a spreadsheet program writes one: header and names as shared strings (one as rich text runs), an alias
    /// as an inline string, a birth date as a serial number, another as a year, and a second sheet that is not read.
    /// </summary>
    private static byte[] Workbook()
    {
        string[] shared = ["Ref No", "Full Name", "Aliases", "Date of Birth", "Nationality", "Grounds", "Hafiz Abdul Basit Marri", "Proscribed under the schedule",
            "Pakistan", "Mullah Dadullah Kakar"];
        var strings = new StringBuilder($"<sst xmlns=\"{Main}\" count=\"{shared.Length + 1}\" uniqueCount=\"{shared.Length + 1}\">");
        foreach (var s in shared)
        {
            strings.Append("<si><t>").Append(System.Security.SecurityElement.Escape(s)).Append("</t></si>");
        }
        // Index 10: rich text in two runs, with a phonetic run that is not part of the text.
        strings.Append("<si><r><rPr><b/></rPr><t>Financing </t></r><r><t xml:space=\"preserve\">and recruitment</t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si></sst>");
        // 1976-03-15 is serial 27834.
        var sheet = $"""
            <worksheet xmlns="{Main}"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>PK-X-1</t></is></c><c r="B2" t="s"><v>6</v></c><c r="C2" t="inlineStr"><is><t>Abu Basit</t></is></c><c r="D2"><v>27834</v></c><c r="E2" t="s"><v>8</v></c><c r="F2" t="s"><v>7</v></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>PK-X-2</t></is></c><c r="B4" t="s"><v>9</v></c><c r="D4"><v>1962</v></c><c r="E4" t="inlineStr"><is><t>PK</t></is></c><c r="F4" t="s"><v>10</v></c></row>
            </sheetData></worksheet>
            """;
        return Zip(new()
        {
            ["[Content_Types].xml"] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            ["xl/workbook.xml"] = $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                                  + "<sheet name=\"Schedule\" sheetId=\"1\" r:id=\"rId7\"/><sheet name=\"Notes\" sheetId=\"2\" r:id=\"rId8\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                             + "<Relationship Id=\"rId8\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                                             + "<Relationship Id=\"rId7\" Type=\"worksheet\" Target=\"worksheets/schedule.xml\"/></Relationships>",
            ["xl/sharedStrings.xml"] = strings.ToString(),
            ["xl/worksheets/schedule.xml"] = sheet,
            ["xl/worksheets/sheet1.xml"] = $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>not the list</t></is></c></row></sheetData></worksheet>",
        });
    }

    private static byte[] Zip(Dictionary<string, string> parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        }
        return buffer.ToArray();
    }

    private static readonly Dictionary<string, string> Mapping = new()
    {
        ["id"] = "Ref No", ["name"] = "Full Name", ["aliases"] = "Aliases", ["birthDate"] = "Date of Birth", ["nationality"] = "Nationality", ["reason"] = "Grounds",
    };

    [Fact]
    public async Task A_spreadsheet_is_previewed_and_imported_like_a_csv_with_serial_birth_dates_read_as_dates()
    {
        using var admin = await app.LoginAs("admin");
        var preview = await (await Post(admin, "preview", Workbook(), "schedule.xlsx", [])).Read<NationalListPreviewDto>();
        Assert.Equal(["Ref No", "Full Name", "Aliases", "Date of Birth", "Nationality", "Grounds"], preview.Headers);
        Assert.Equal(("Full Name", "Date of Birth"), (preview.Mapping.Name, preview.Mapping.BirthDate));
        Assert.Equal(2, preview.RowCount);

        preview = await (await Post(admin, "preview", Workbook(), "schedule.xlsx", Mapping)).Read<NationalListPreviewDto>();
        Assert.Empty(preview.Problems);
        var first = preview.Rows[0];
        Assert.Equal(("PK-X-1", "Hafiz Abdul Basit Marri", 2), (first.SourceId, first.Name, first.Line));
        Assert.Equal(["Abu Basit"], first.Aliases);
        Assert.Equal(["1976-03-15"], first.BirthDates);
        Assert.Equal(["PK"], first.Nationalities);
        var second = preview.Rows[1];
        Assert.Equal((4, "Financing and recruitment"), (second.Line, second.Reason));
        Assert.Equal(["1962"], second.BirthDates);

        var imported = await (await Post(admin, "import", Workbook(), "schedule.xlsx", Mapping)).Read<ImportOutcome>();
        await app.RescreensDoneAsync();
        Assert.Equal((ListSource.National, 2, false), (imported.Source, imported.EntryCount, imported.Unchanged));
        var search = await (await admin.Post("/api/screening/search", new { name = "Abu Basit", birthDate = "1976-03-15" })).Read<JsonElement>();
        Assert.Equal("PK-X-1", search.GetProperty("matches")[0].GetProperty("reference").GetString());
    }

    [Theory]
    [InlineData("not-a-zip", "not a zip archive")]
    [InlineData("no-workbook", "xl/workbook.xml")]
    [InlineData("dtd", "xl/worksheets/sheet1.xml cannot be read as XML")]
    [InlineData("bad-shared-string", "shared string '99'")]
    [InlineData("bomb", "uncompressed")]
    public async Task A_bad_spreadsheet_is_refused_with_a_400_naming_what_is_wrong(string kind, string expected)
    {
        using var admin = await app.LoginAs("admin");
        var workbook = $"<workbook xmlns=\"{Main}\"><sheets><sheet name=\"S\" sheetId=\"1\"/></sheets></workbook>";
        var bytes = kind switch
        {
            "not-a-zip" => [.. "PK\u0003\u0004 this is not really a zip"u8],
            "no-workbook" => Zip(new() { ["docProps/app.xml"] = "<Properties/>" }),
            "dtd" => Zip(new()
            {
                ["xl/workbook.xml"] = workbook,
                ["xl/worksheets/sheet1.xml"] = "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                                               + $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>",
            }),
            "bad-shared-string" => Zip(new()
            {
                ["xl/workbook.xml"] = workbook,
                ["xl/sharedStrings.xml"] = $"<sst xmlns=\"{Main}\"><si><t>Name</t></si></sst>",
                ["xl/worksheets/sheet1.xml"] = $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                                               + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row></sheetData></worksheet>",
            }),
            _ => Bomb(workbook),
        };
        var response = await Post(admin, "preview", bytes, "schedule.xlsx", Mapping);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = await response.ValidationErrors();
        Assert.Contains(expected, errors["file"][0], StringComparison.Ordinal);
    }

    /// <summary>A sheet that inflates past the limit: well over 100 MB of spaces compress to a few hundred kilobytes.</summary>
    private static byte[] Bomb(string workbook)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            {
                writer.Write(workbook);
            }
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            sheet.Write(Encoding.UTF8.GetBytes($"<worksheet xmlns=\"{Main}\">"));
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < XlsxReader.MaxUncompressedBytes / spaces.Length + 1; i++)
            {
                sheet.Write(spaces);
            }
            sheet.Write("</worksheet>"u8);
        }
        return buffer.ToArray();
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string action, byte[] file, string fileName, Dictionary<string, string> mapping)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file), "file", fileName }, { new StringContent("Spreadsheet schedule (test)"), "listName" },
        };
        foreach (var (field, column) in mapping)
        {
            form.Add(new StringContent(column), field);
        }
        return await client.PostAsync($"/api/screening/national/{action}", form);
    }
}
