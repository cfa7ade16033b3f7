using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening;

internal sealed record ImportOutcome(Guid VersionId, ListSource Source, int Number, int EntryCount, int Added, int Removed, int Changed, bool Unchanged);
