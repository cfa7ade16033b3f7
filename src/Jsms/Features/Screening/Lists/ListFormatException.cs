using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jsms.Features.Screening.Lists;

/// <summary>A list file that cannot be read; the message names the line or element.</summary>
internal sealed class ListFormatException(string message) : Exception(message);
