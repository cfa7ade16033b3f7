namespace Jsms.Features.Intelligence;

/// <summary>
/// A stored object's JSON read from the database as its UTF-8 bytes (<c>CAST(Json AS BLOB)</c> on SQLite, <c>convert_to</c>
/// on PostgreSQL), for the exchange's hot reads (a TAXII page, a pushed batch), which only copy the object into a body.
/// Read as a <see cref="string"/>, every object would be decoded to UTF-16 and encoded back, and such strings are the largest
/// part of an exchange's garbage (docs/decisions/0017-exchange-json-as-bytes.md).
/// </summary>
internal static class StixJsonBytes
{
    /// <summary>The UTF-8 bytes of <paramref name="json"/>; translated to SQL, only in queries.</summary>
    public static byte[] Utf8(string json)
        => throw new InvalidOperationException($"{nameof(StixJsonBytes)}.{nameof(Utf8)} runs only inside a database query.");
}
