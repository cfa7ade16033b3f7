namespace Jsms.Features.Partners;

/// <summary>One answer of a directory search: the code a form posts (agency code or username), a name, and what tells alike names apart.</summary>
internal sealed record DirectoryEntry(string Code, string Name, string? Detail);
