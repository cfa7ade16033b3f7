using Jsms.Features.Audit;
using Jsms.Features.Access;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

internal sealed record RfiAnswerDto(Guid Id, string Agency, string AnsweredBy, string Text, DateTime AnsweredAt, IReadOnlyList<string> StixIds);
