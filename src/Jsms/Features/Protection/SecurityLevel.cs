using Jsms.Features.Access;
using Jsms.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Protection;

internal enum SecurityLevel { Low, Medium, High, Critical }
