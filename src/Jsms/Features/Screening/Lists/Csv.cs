using System.Text;

namespace Jsms.Features.Screening.Lists;

/// <summary>A small RFC 4180 reader and writer (quoted fields, doubled quotes, line breaks inside quotes).</summary>
internal static class Csv
{
    /// <summary>Reads one record, or null at the end. A lone DOS end-of-file mark (0x1A) counts as the end.</summary>
    public static List<string>? ReadRecord(TextReader reader) => ReadRecord(reader, out _);

    public static List<string>? ReadRecord(TextReader reader, out int linesRead)
    {
        linesRead = 0;
        var first = reader.Peek();
        if (first == -1)
        {
            return null;
        }
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var sawAny = false;
        while (true)
        {
            var c = reader.Read();
            if (c == -1)
            {
                if (inQuotes)
                {
                    throw new FormatException("a quoted field is not closed before the end of the file");
                }
                linesRead++;
                break;
            }
            sawAny = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        linesRead++;
                    }
                    field.Append((char)c);
                }
                continue;
            }
            if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r')
            {
                // The line break follows.
            }
            else if (c == '\n')
            {
                linesRead++;
                break;
            }
            else
            {
                field.Append((char)c);
            }
        }
        fields.Add(field.ToString());
        if (!sawAny || (fields.Count == 1 && fields[0].Trim() is "" or "\u001a"))
        {
            // A blank line or the end-of-file mark: skip it, read the next one.
            return reader.Peek() == -1 ? null : ReadRecord(reader, out var more) is { } next ? Return(next, ref linesRead, more) : null;
        }
        return fields;
    }

    private static List<string> Return(List<string> record, ref int linesRead, int more)
    {
        linesRead += more;
        return record;
    }

    public static string Escape(string? value)
    {
        value ??= "";
        // A leading =, +, - or @ would run as a formula in a spreadsheet: quote it behind an apostrophe.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
