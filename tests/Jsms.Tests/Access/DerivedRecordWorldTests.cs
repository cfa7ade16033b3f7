using Jsms.Tests.Tracking;
using Xunit.Abstractions;

namespace Jsms.Tests.Access;

/// <summary>Random worlds of agencies, partnerships, sites, trackers, cameras and movements: every alert each reader receives, live and afterwards, against the reference policy (<see cref="DerivedRecordWorld"/>).</summary>
public sealed class DerivedRecordWorldTests(TrackingTestApp app, ITestOutputHelper output) : IClassFixture<TrackingTestApp>
{
    [Fact]
    public Task No_reader_receives_an_identifier_label_or_position_of_a_tracker_camera_site_or_movement_it_may_not_read_through_any_alert()
        => new DerivedRecordWorld(app, output).RunAsync("PW", namingRecords: false);
}
