using Jsms.Platform.Access;

namespace Jsms.Features.Intelligence;

/// <summary>A version on a TAXII page; <see cref="Json"/> is the stored object's UTF-8 bytes, served as they are.</summary>
internal sealed record StixRow(Guid RowId, string StixId, string Version, DateTime DateAdded, Tlp Tlp, byte[] Json);
