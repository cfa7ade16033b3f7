using System.Security.Cryptography;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening;

internal sealed record EntryChange(string SourceId, string Name, string Change);
