using Jsms.Features.Accounts;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Partners;

internal sealed record CreatePartnershipRequest(string? Name, PartnershipKind? Kind, string? Description, DateOnly? EstablishedOn, MemberRequest[]? Members);
