using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Jsms.Features.Access;
using Jsms.Features.Protection;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>What a track import stored: points, devices, the time span, alerts raised.</summary>
internal sealed record ImportResult(int Accepted, IReadOnlyList<string> Devices, DateTime From, DateTime To, int AlertsRaised);
