using System.Text;

namespace Jsms.Features.Incidents;

/// <summary>
/// A streaming reader of RFC 4180 CSV: fields separated by commas, optionally quoted with <c>"</c> (a quote inside doubled),
/// quoted fields may hold commas and line breaks; records end with CRLF or LF. It keeps the line on which each record
/// starts, so a bad row is reported by the line a text editor shows. Only one record is held at a time.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>The line (from 1) on which the record last read starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/> (cleared first); false at the end of the input.</summary>
    public bool TryRead(List<string> fields)
    {
        fields.Clear();
        _field.Clear();
        RecordLine = _line;
        var c = reader.Read();
        if (c < 0)
        {
            return false;
        }
        while (true)
        {
            if (c == '"' && _field.Length == 0)
            {
                ReadQuoted();
                c = reader.Read();
                if (c is not (',' or '\r' or '\n' or -1))
                {
                    throw new CsvFormatException(_line, "text after the closing quote of a field");
                }
            }
            if (c == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
                c = reader.Read();
                continue;
            }
            if (c is '\r' or '\n' or -1)
            {
                fields.Add(_field.ToString());
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }
                if (c != -1)
                {
                    _line++;
                }
                return true;
            }
            _field.Append((char)c);
            c = reader.Read();
        }
    }

    private void ReadQuoted()
    {
        var start = _line;
        while (true)
        {
            var c = reader.Read();
            switch (c)
            {
                case -1:
                    throw new CsvFormatException(start, "a quoted field is not closed before the end of the file");
                case '"' when reader.Peek() == '"':
                    reader.Read();
                    _field.Append('"');
                    break;
                case '"':
                    return;
                case '\n':
                    _line++;
                    _field.Append('\n');
                    break;
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }
}
