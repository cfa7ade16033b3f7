using Jsms.Features.Access;
using Jsms.Features.Audit;

namespace Jsms.Features.Consultations;

internal enum CommitmentStatus { Planned, InProgress, Done, Blocked, Cancelled }
