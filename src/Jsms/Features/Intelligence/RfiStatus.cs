namespace Jsms.Features.Intelligence;

internal enum RfiStatus { Open, Closed }
