using Jsms.Features.Audit;
using System.Globalization;
using Jsms.Features.Access;

namespace Jsms.Features.Consultations;

internal sealed record UpdateMinutesRequest(string? Minutes);
