namespace Jsms.Features.Intelligence;

/// <summary>
/// One entry of the <c>objects</c> array: the object's bytes exactly as received (syntax checked, not parsed into a
/// document), or why it could not be read.
/// </summary>
internal readonly record struct BundleItem(int Index, byte[]? Json, string? Error);
