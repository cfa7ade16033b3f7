using Jsms.Platform.Database;

namespace Jsms.Features.Tracking;

/// <summary>
/// The deployments whose trackers the engine watches against a consent (<see cref="DeploymentWatcher"/>). Operations
/// keeps consents and depends on Tracking, so Tracking asks through this and Operations answers it (<c>AddJointOperations</c>);
/// without an implementation nothing is watched.
/// </summary>
internal interface IDeploymentWatchSource
{
    /// <summary>Moves whenever what <see cref="LoadAsync"/> returns may have changed (a consent's status, an operation's vehicles).</summary>
    long Version { get; }

    /// <summary>Every deployment to watch now, with the audience of its alerts (the system's read: no caller).</summary>
    Task<List<DeploymentWatch>> LoadAsync(JsmsDbContext db, DateTime now, CancellationToken cancellationToken);
}
