using Jsms.Features.Audit;
using System.Text;
using System.Text.Json;
using Jsms.Features.Access;
using Jsms.Features.Accounts;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening;

internal sealed record ScreeningSummaryDto(Guid Id, ScreeningKind Kind, string Subject, int Screened, int Hits, DateTime CreatedAt, string Tlp) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(ScreeningRecord);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Tlp);
}
