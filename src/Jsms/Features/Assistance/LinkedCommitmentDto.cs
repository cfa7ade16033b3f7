namespace Jsms.Features.Assistance;

/// <summary>A consultation commitment the activity delivers on (only those the reader may read are named).</summary>
internal sealed record LinkedCommitmentDto(Guid Id, string Title, string Status, DateOnly DueOn);
