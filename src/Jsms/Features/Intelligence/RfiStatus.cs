using Jsms.Features.Access;
using Jsms.Features.Audit;
using Jsms.Features.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Intelligence;

internal enum RfiStatus { Open, Closed }
