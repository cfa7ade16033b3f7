using Jsms.Features.Access;
using Jsms.Features.Screening.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Screening;

internal enum ScreeningKind { Name, Batch }
