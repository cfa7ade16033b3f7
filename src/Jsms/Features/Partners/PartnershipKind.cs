using Jsms.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Partners;

internal enum PartnershipKind { Bilateral, Multilateral }
