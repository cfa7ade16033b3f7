using System.Globalization;
using System.Text;

namespace Jsms.Features.Incidents;

/// <summary>Writes CSV as RFC 4180 reads it (what <see cref="CsvRecordReader"/> reads back): fields quoted when they hold a comma, quote or line break.</summary>
internal static class CsvText
{
    public static void Row(StringBuilder line, IEnumerable<object?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }
            first = false;
            var text = field switch
            {
                null => "",
                bool b => b ? "1" : "0",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => field.ToString() ?? "",
            };
            if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(text);
            }
        }
        line.Append("\r\n");
    }
}
