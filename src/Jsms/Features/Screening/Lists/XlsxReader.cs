using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Jsms.Features.Screening.Lists;

/// <summary>
/// Reads the first sheet of an .xlsx workbook into the same table as a CSV (<see cref="NationalListReader.Table"/>), without a
/// spreadsheet library: the file is a zip of XML parts. The workbook names its first sheet and the workbook's relations
/// give its part; cells are shared strings (t="s"), inline strings, formula strings, booleans or numbers (kept as written,
/// so a birth date stored as a serial number is converted once the mapping says which column holds birth dates). XML is
/// read with DTDs prohibited and no resolver; every part is read through a size limit (a zip bomb stops at it), and the
/// number of rows and columns is limited. Anything wrong raises <see cref="ListFormatException"/> naming it.
/// </summary>
internal static class XlsxReader
{
    /// <summary>Uncompressed bytes read from all parts together.</summary>
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;
    public const int MaxColumns = 200;
    public const int MaxSharedStrings = 1_000_000;

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Whether the bytes are a zip (an .xlsx is one): "PK\x03\x04".</summary>
    public static bool LooksLikeZip(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 3 && bytes[3] == 4;

    public static NationalListReader.Table ReadTable(Stream file)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ListFormatException($"The file is not a readable .xlsx spreadsheet (not a zip archive: {e.Message}).");
        }
        using (zip)
        {
            var budget = new Budget();
            var sheetPath = FirstSheetPath(zip, budget);
            var shared = zip.GetEntry("xl/sharedStrings.xml") is { } sharedEntry ? SharedStrings(sharedEntry, budget) : [];
            var sheet = zip.GetEntry(sheetPath) ?? throw new ListFormatException($"The workbook names its first sheet '{sheetPath}', but the file has no such part.");
            return Sheet(sheet, shared, budget);
        }
    }

    private sealed class Budget
    {
        public long Left = MaxUncompressedBytes;
    }

    private static string FirstSheetPath(ZipArchive zip, Budget budget)
    {
        var workbook = zip.GetEntry("xl/workbook.xml") ?? throw new ListFormatException("The file is a zip but not an .xlsx workbook: it has no xl/workbook.xml.");
        string? relationId = null;
        Read(workbook, budget, reader =>
        {
            while (relationId is null && reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == MainNs)
                {
                    relationId = reader.GetAttribute("id", RelNs) ?? "";
                }
            }
        });
        if (relationId is null)
        {
            throw new ListFormatException("xl/workbook.xml lists no sheet.");
        }
        var path = "xl/worksheets/sheet1.xml";
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels && relationId.Length > 0)
        {
            Read(rels, budget, reader =>
            {
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") == relationId
                        && reader.GetAttribute("Target") is { Length: > 0 } target)
                    {
                        path = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                        return;
                    }
                }
            });
        }
        return path;
    }

    private static List<string> SharedStrings(ZipArchiveEntry entry, Budget budget)
    {
        var strings = new List<string>();
        Read(entry, budget, reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
                {
                    if (strings.Count >= MaxSharedStrings)
                    {
                        throw new ListFormatException($"xl/sharedStrings.xml has more than {MaxSharedStrings:N0} strings.");
                    }
                    strings.Add(TextOf(reader));
                }
            }
        });
        return strings;
    }

    /// <summary>
    /// The text of the &lt;t&gt; elements inside the current element (rich text runs joined, phonetic runs left out); the
    /// reader is left on the element's end.
    /// </summary>
    private static string TextOf(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }
        var text = new System.Text.StringBuilder();
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                text.Append(reader.ReadElementContentAsString());
            }
            else
            {
                reader.Read();
            }
        }
        return text.ToString();
    }

    private static NationalListReader.Table Sheet(ZipArchiveEntry entry, List<string> shared, Budget budget)
    {
        var rows = new List<(int Line, List<string> Cells)>();
        Read(entry, budget, reader =>
        {
            var lastRow = 0;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
                {
                    continue;
                }
                var number = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : lastRow + 1;
                if (number <= lastRow)
                {
                    throw new ListFormatException($"{entry.FullName}: row {number} comes after row {lastRow}.");
                }
                lastRow = number;
                var cells = new List<string>();
                if (!reader.IsEmptyElement)
                {
                    ReadRow(reader, entry.FullName, number, shared, cells);
                }
                if (cells.All(c => c.Trim().Length == 0))
                {
                    continue;
                }
                rows.Add((number, cells));
                // The header and MaxRows rows.
                if (rows.Count > NationalListReader.MaxRows + 1)
                {
                    throw new ListFormatException($"The list has more than {NationalListReader.MaxRows:N0} rows.");
                }
            }
        });
        if (rows.Count == 0)
        {
            throw new ListFormatException("The first sheet is empty: its first row must be a header naming the columns.");
        }
        var (headerLine, header) = rows[0];
        var headers = header.Select(h => h.Trim()).ToList();
        var duplicate = headers.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ListFormatException($"row {headerLine}: the column '{duplicate.Key}' appears twice in the header.");
        }
        if (rows.Count == 1)
        {
            throw new ListFormatException("The first sheet has a header but no rows.");
        }
        return new NationalListReader.Table(headers, rows[1..]) { Spreadsheet = true };
    }

    private static void ReadRow(XmlReader reader, string part, int row, List<string> shared, List<string> cells)
    {
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }
            var reference = reader.GetAttribute("r");
            var column = reference is null ? cells.Count : ColumnOf(reference, part, row);
            if (column >= MaxColumns)
            {
                throw new ListFormatException($"{part}: row {row} has a cell in column {column + 1}; at most {MaxColumns} columns are read.");
            }
            var type = reader.GetAttribute("t") ?? "n";
            string? value = null, inline = null;
            if (!reader.IsEmptyElement)
            {
                var cellDepth = reader.Depth;
                reader.Read();
                while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == cellDepth))
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
                    {
                        value = reader.ReadElementContentAsString();
                        continue;
                    }
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
                    {
                        inline = TextOf(reader);
                    }
                    reader.Read();
                }
            }
            var text = type switch
            {
                "s" => SharedString(value, shared, part, reference ?? $"row {row}"),
                "inlineStr" => inline ?? "",
                "b" => value == "1" ? "TRUE" : value is null ? "" : "FALSE",
                "e" => "",
                "str" => value ?? "",
                _ => Number(value),
            };
            while (cells.Count <= column)
            {
                cells.Add("");
            }
            cells[column] = text;
        }
    }

    private static string SharedString(string? index, List<string> shared, string part, string cell)
        => int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count
            ? shared[i]
            : throw new ListFormatException($"{part}: cell {cell} refers to shared string '{index}', which xl/sharedStrings.xml does not have.");

    /// <summary>A number as the sheet stores it; whole numbers without exponent or ".0" (a year, a serial date).</summary>
    private static string Number(string? value)
    {
        if (value is null)
        {
            return "";
        }
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : value.Trim();
    }

    /// <summary>"C12" → 2 (zero-based).</summary>
    private static int ColumnOf(string reference, string part, int row)
    {
        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                column = column * 26 + (ch - 'A' + 1);
                if (++letters > 3)
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }
        if (letters is 0 or > 3)
        {
            throw new ListFormatException($"{part}: row {row} has a cell reference '{reference}' that is not a column and row.");
        }
        return column - 1;
    }

    /// <summary>Reads one XML part safely: no DTD, no resolver, at most the bytes left in the budget.</summary>
    private static void Read(ZipArchiveEntry entry, Budget budget, Action<XmlReader> read)
    {
        if (entry.Length > budget.Left)
        {
            throw new ListFormatException($"{entry.FullName} is {entry.Length / (1024 * 1024):N0} MB uncompressed; a spreadsheet may hold at most {MaxUncompressedBytes / (1024 * 1024):N0} MB.");
        }
        using var stream = new LimitedStream(entry.Open(), budget, entry.FullName);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            read(reader);
        }
        catch (XmlException e)
        {
            throw new ListFormatException($"{entry.FullName} cannot be read as XML: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            throw new ListFormatException($"{entry.FullName} cannot be decompressed: {e.Message}");
        }
    }

    /// <summary>Counts what is read against the budget; the header's stated size is not trusted.</summary>
    private sealed class LimitedStream(Stream inner, Budget budget, string part) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Left -= read;
            if (budget.Left < 0)
            {
                throw new ListFormatException($"{part}: the spreadsheet is larger than {MaxUncompressedBytes / (1024 * 1024):N0} MB uncompressed.");
            }
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
