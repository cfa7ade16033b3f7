using System.Text.Json;

namespace Jsms.Platform.Web;

/// <summary>A JSON number that is not finite (<c>1e309</c>, or beyond a <c>float</c>); the serializer adds the path of the field.</summary>
internal sealed class NonFiniteNumberException : JsonException
{
    public const string Problem = "Must be a finite number (1e309 and the like are infinity).";

    public NonFiniteNumberException() : base(Problem)
    {
    }

    public NonFiniteNumberException(string message) : base(message)
    {
    }

    public NonFiniteNumberException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
