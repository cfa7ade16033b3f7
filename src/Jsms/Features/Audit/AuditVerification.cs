using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jsms.Features.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Jsms.Features.Audit;

internal sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);
