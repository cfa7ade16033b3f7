namespace Jsms.Features.Incidents;

/// <summary>The file is not CSV as RFC 4180 writes it; <see cref="Line"/> is where the reader found out.</summary>
internal sealed class CsvFormatException(int line, string problem) : Exception($"Line {line}: {problem}.")
{
    public int Line { get; } = line;
}
