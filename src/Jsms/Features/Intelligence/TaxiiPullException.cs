namespace Jsms.Features.Intelligence;

/// <summary>A remote answer that is not a TAXII page (status code or body).</summary>
internal sealed class TaxiiPullException(string message) : Exception(message);
