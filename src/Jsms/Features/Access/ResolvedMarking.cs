using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Access;

internal sealed record ResolvedMarking(Tlp Tlp, IReadOnlyList<Guid> ReleaseToAgencyIds, IReadOnlyList<Guid> RecipientUserIds);
