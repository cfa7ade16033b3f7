using Jsms.Tests.Tracking;
using Xunit.Abstractions;

namespace Jsms.Tests.Access;

/// <summary>Random worlds (<see cref="DerivedRecordWorld"/>): the records that name trackers, as well as alerts, against the reference policy.</summary>
public sealed class DerivedRecordReferenceTests(TrackingTestApp app, ITestOutputHelper output) : IClassFixture<TrackingTestApp>
{
    /// <summary>
    /// A random world's alerts, and also every record that names trackers (a movement read by id or exported, the lists of trackers,
    /// cameras, sites, movements and routes) checked for the identifiers of unreadable trackers and cameras.
    /// </summary>
    [Fact]
    public Task No_reader_receives_the_identifier_of_a_tracker_it_may_not_read_through_a_record_that_names_it()
        => new DerivedRecordWorld(app, output).RunAsync("PX", namingRecords: true);
}
