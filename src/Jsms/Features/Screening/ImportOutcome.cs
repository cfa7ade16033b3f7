using System.Security.Cryptography;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening;

internal sealed record ImportOutcome(Guid VersionId, ListSource Source, int Number, int EntryCount, int Added, int Removed, int Changed, bool Unchanged);
