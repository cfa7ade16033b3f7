using Jsms.Features.Accounts;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Partners;

internal sealed record AgencyDto(Guid Id, string Code, string Name, AgencyKind Kind, string StateIsoCode, string StateName);
