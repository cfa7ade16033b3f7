namespace Jsms.Features.Screening.Lists;

/// <summary>A list file that cannot be read; the message names the line or element.</summary>
internal sealed class ListFormatException(string message) : Exception(message);
