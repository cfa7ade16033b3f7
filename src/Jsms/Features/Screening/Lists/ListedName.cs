using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jsms.Features.Screening.Lists;

internal sealed record ListedName(string Name, NameKind Kind);
