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

internal sealed record ScreeningSearchRequest(string? Name, string? BirthDate, string? Nationality, string? Type, double? Threshold, int? Limit, MarkingInput? Marking);
