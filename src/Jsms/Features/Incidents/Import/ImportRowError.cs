namespace Jsms.Features.Incidents;

/// <summary>What is wrong with one row of an imported file: the line (from 1, the header is line 1), the column and why.</summary>
internal sealed record ImportRowError(int Line, string Field, string Problem);
