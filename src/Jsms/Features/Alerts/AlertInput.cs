using System.Text.Json;
using Jsms.Features.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Alerts;

/// <summary>A record an alert was derived from and reveals (its site, tracker, sensor, movement, message...), and what kind it is.</summary>
internal sealed record AlertInput(IReleasable Record, string Kind);
