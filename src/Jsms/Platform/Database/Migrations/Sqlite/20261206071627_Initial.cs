using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Sqlite
{
    /// <summary>The whole schema as of the first release candidate, with the hand-written triggers as literal SQL.</summary>
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AssignedToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcknowledgedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubjectLabel = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", nullable: true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlertSequence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertSequence", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RemoteAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "DerivedInputs",
                columns: table => new
                {
                    DerivedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InputId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NeedToKnow = table.Column<bool>(type: "INTEGER", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DerivedInputs", x => new { x.DerivedId, x.InputId });
                });

            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UniqueId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    CertificateThumbprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Movements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PrincipalsJson = table.Column<string>(type: "TEXT", nullable: false),
                    VehiclesJson = table.Column<string>(type: "TEXT", nullable: false),
                    EscortJson = table.Column<string>(type: "TEXT", nullable: false),
                    Route = table.Column<string>(type: "TEXT", nullable: true),
                    CorridorMetres = table.Column<double>(type: "REAL", nullable: false),
                    CheckpointsJson = table.Column<string>(type: "TEXT", nullable: false),
                    DepartEarliest = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DepartLatest = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArriveEarliest = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArriveLatest = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Movements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NamedRecipients",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NamedRecipients", x => new { x.RecordId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Positions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Speed = table.Column<double>(type: "REAL", nullable: true),
                    Bearing = table.Column<double>(type: "REAL", nullable: true),
                    Altitude = table.Column<double>(type: "REAL", nullable: true),
                    Accuracy = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProtectedPersons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Project = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PassportNumberProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PhoneProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectedPersons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReleaseGrants",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleaseGrants", x => new { x.RecordId, x.AgencyId });
                });

            migrationBuilder.CreateTable(
                name: "Rfis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rfis", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningListVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FileNames = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EntryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Removed = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningListVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Screenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    QueryJson = table.Column<string>(type: "TEXT", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                    Screened = table.Column<int>(type: "INTEGER", nullable: false),
                    Hits = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    ListVersions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Screenings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sensors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sensors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Account = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInAttempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Project = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Perimeter = table.Column<string>(type: "TEXT", nullable: false),
                    WatchDistanceMetres = table.Column<double>(type: "REAL", nullable: false),
                    LoiteringThresholdMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SecurityLevel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Contacts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "States",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsoCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_States", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StixCollections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DefaultTlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StixCollections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaxiiStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CollectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestTimestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxiiStatuses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeviceLastPositions",
                columns: table => new
                {
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PositionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceLastPositions", x => x.DeviceId);
                    table.ForeignKey(
                        name: "FK_DeviceLastPositions_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Parties = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Dialogues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dialogues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dialogues_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RfiAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RfiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    StixRefs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RfiAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RfiAnswers_Rfis_RfiId",
                        column: x => x.RfiId,
                        principalTable: "Rfis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningListEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PrimaryName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningListEntries_ScreeningListVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ScreeningListVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sightings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SensorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sightings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sightings_Sensors_SensorId",
                        column: x => x.SensorId,
                        principalTable: "Sensors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agencies_States_StateId",
                        column: x => x.StateId,
                        principalTable: "States",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StixObjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CollectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StixId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    SpecVersion = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Created = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Modified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Revoked = table.Column<bool>(type: "INTEGER", nullable: false),
                    DateAdded = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByRef = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SourceRef = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TargetRef = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StixObjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StixObjects_StixCollections_CollectionId",
                        column: x => x.CollectionId,
                        principalTable: "StixCollections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DialogueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Dialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "Dialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DialogueParties",
                columns: table => new
                {
                    DialogueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueParties", x => new { x.DialogueId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_DialogueParties_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DialogueParties_Dialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "Dialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipMembers",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipMembers", x => new { x.PartnershipId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_PartnershipMembers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnershipMembers_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RfiAddressees",
                columns: table => new
                {
                    RfiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RfiAddressees", x => new { x.RfiId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_RfiAddressees_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RfiAddressees_Rfis_RfiId",
                        column: x => x.RfiId,
                        principalTable: "Rfis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaxiiSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PushedUpTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApiRootUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RemoteCollectionId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Username = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LocalCollectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedAfter = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSuccessAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastAccepted = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRefused = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxiiSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaxiiSources_Agencies_OwnerAgencyId",
                        column: x => x.OwnerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaxiiSources_StixCollections_LocalCollectionId",
                        column: x => x.LocalCollectionId,
                        principalTable: "StixCollections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UrgentMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgeBy = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UrgentMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UrgentMessages_Agencies_ToAgencyId",
                        column: x => x.ToAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Commitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DialogueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResponsibleAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PercentComplete = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_Agencies_ResponsibleAgencyId",
                        column: x => x.ResponsibleAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Dialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "Dialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Commitments_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressNotes_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AlertSequence",
                columns: new[] { "Id", "Last" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_Code",
                table: "Agencies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_StateId",
                table: "Agencies",
                column: "StateId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PartnershipId",
                table: "Agreements",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Kind_SubjectId",
                table: "Alerts",
                columns: new[] { "Kind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OwnerAgencyId_Tlp",
                table: "Alerts",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Sequence",
                table: "Alerts",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Status_RaisedAt",
                table: "Alerts",
                columns: new[] { "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_SecretHash",
                table: "ApiTokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RecordId",
                table: "AuditEntries",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Timestamp",
                table: "AuditEntries",
                column: "Timestamp");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_Timestamp",
                table: "AuditEntries",
                columns: new[] { "UserId", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DialogueId_Sector",
                table: "Commitments",
                columns: new[] { "DialogueId", "Sector" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_MeetingId",
                table: "Commitments",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_OwnerAgencyId_Tlp",
                table: "Commitments",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_ResponsibleAgencyId",
                table: "Commitments",
                column: "ResponsibleAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Status_DueOn",
                table: "Commitments",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DerivedInputs_InputId",
                table: "DerivedInputs",
                column: "InputId");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_OwnerAgencyId_Tlp",
                table: "Devices",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_UniqueId",
                table: "Devices",
                column: "UniqueId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DialogueParties_AgencyId",
                table: "DialogueParties",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Dialogues_OwnerAgencyId_Tlp",
                table: "Dialogues",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Dialogues_PartnershipId",
                table: "Dialogues",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_DialogueId_HeldOn",
                table: "Meetings",
                columns: new[] { "DialogueId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_OwnerAgencyId_Tlp",
                table: "Meetings",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Movements_OwnerAgencyId_Tlp",
                table: "Movements",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_NamedRecipients_UserId_RecordId",
                table: "NamedRecipients",
                columns: new[] { "UserId", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipMembers_AgencyId_Role",
                table: "PartnershipMembers",
                columns: new[] { "AgencyId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Time",
                table: "Positions",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressNotes_CommitmentId_WrittenOn",
                table: "ProgressNotes",
                columns: new[] { "CommitmentId", "WrittenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectedPersons_OwnerAgencyId_Tlp",
                table: "ProtectedPersons",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseGrants_AgencyId_RecordId",
                table: "ReleaseGrants",
                columns: new[] { "AgencyId", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_RfiAddressees_AgencyId_RfiId",
                table: "RfiAddressees",
                columns: new[] { "AgencyId", "RfiId" });

            migrationBuilder.CreateIndex(
                name: "IX_RfiAnswers_RfiId_AnsweredAt",
                table: "RfiAnswers",
                columns: new[] { "RfiId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Rfis_OwnerAgencyId_Tlp",
                table: "Rfis",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Rfis_Status_EscalatedAt_DueAt",
                table: "Rfis",
                columns: new[] { "Status", "EscalatedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningListEntries_VersionId_SourceId",
                table: "ScreeningListEntries",
                columns: new[] { "VersionId", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningListVersions_Source_Number",
                table: "ScreeningListVersions",
                columns: new[] { "Source", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_OwnerAgencyId_CreatedAt",
                table: "Screenings",
                columns: new[] { "OwnerAgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_OwnerAgencyId_Tlp",
                table: "Screenings",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Sensors_Code",
                table: "Sensors",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sensors_OwnerAgencyId_Tlp",
                table: "Sensors",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_SensorId_Time",
                table: "Sightings",
                columns: new[] { "SensorId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_Subject_Time",
                table: "Sightings",
                columns: new[] { "Subject", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInAttempts_Account_Address_At",
                table: "SignInAttempts",
                columns: new[] { "Account", "Address", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInAttempts_Address_At",
                table: "SignInAttempts",
                columns: new[] { "Address", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInAttempts_At",
                table: "SignInAttempts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_OwnerAgencyId_Tlp",
                table: "Sites",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_States_IsoCode",
                table: "States",
                column: "IsoCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_CollectionId_DateAdded",
                table: "StixObjects",
                columns: new[] { "CollectionId", "DateAdded" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_CollectionId_StixId_Modified",
                table: "StixObjects",
                columns: new[] { "CollectionId", "StixId", "Modified" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_CollectionId_Type_DateAdded",
                table: "StixObjects",
                columns: new[] { "CollectionId", "Type", "DateAdded" });

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_OwnerAgencyId_Tlp",
                table: "StixObjects",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_SourceRef",
                table: "StixObjects",
                column: "SourceRef",
                filter: "\"SourceRef\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_TargetRef",
                table: "StixObjects",
                column: "TargetRef",
                filter: "\"TargetRef\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TaxiiSources_LocalCollectionId",
                table: "TaxiiSources",
                column: "LocalCollectionId");

            migrationBuilder.CreateIndex(
                name: "IX_TaxiiSources_OwnerAgencyId",
                table: "TaxiiSources",
                column: "OwnerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_TaxiiStatuses_UserId",
                table: "TaxiiStatuses",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgentMessages_AcknowledgedAt_EscalatedAt_AcknowledgeBy",
                table: "UrgentMessages",
                columns: new[] { "AcknowledgedAt", "EscalatedAt", "AcknowledgeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_UrgentMessages_OwnerAgencyId_Tlp",
                table: "UrgentMessages",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_UrgentMessages_ToAgencyId_SentAt",
                table: "UrgentMessages",
                columns: new[] { "ToAgencyId", "SentAt" });

            // Hand-written, as literal text so later changes to the code cannot rewrite this history.
            // The audit log is append-only for every writer, not only for JsmsDbContext (docs/decisions/0003-audit-log.md).
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
                """);

            // Alerts are numbered in commit order by whoever inserts them (docs/decisions/0009-alert-stream-replay.md).
            migrationBuilder.Sql("""
                CREATE TRIGGER "Alerts_sequence" AFTER INSERT ON "Alerts"
                BEGIN
                    UPDATE "AlertSequence" SET "Last" = "Last" + 1 WHERE "Id" = 1;
                    UPDATE "Alerts" SET "Sequence" = (SELECT "Last" FROM "AlertSequence" WHERE "Id" = 1) WHERE rowid = NEW.rowid;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Alerts_sequence";
                DROP TRIGGER IF EXISTS "AuditEntries_no_update";
                DROP TRIGGER IF EXISTS "AuditEntries_no_delete";
                """);

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "AlertSequence");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "DerivedInputs");

            migrationBuilder.DropTable(
                name: "DeviceLastPositions");

            migrationBuilder.DropTable(
                name: "DialogueParties");

            migrationBuilder.DropTable(
                name: "Movements");

            migrationBuilder.DropTable(
                name: "NamedRecipients");

            migrationBuilder.DropTable(
                name: "PartnershipMembers");

            migrationBuilder.DropTable(
                name: "Positions");

            migrationBuilder.DropTable(
                name: "ProgressNotes");

            migrationBuilder.DropTable(
                name: "ProtectedPersons");

            migrationBuilder.DropTable(
                name: "ReleaseGrants");

            migrationBuilder.DropTable(
                name: "RfiAddressees");

            migrationBuilder.DropTable(
                name: "RfiAnswers");

            migrationBuilder.DropTable(
                name: "ScreeningListEntries");

            migrationBuilder.DropTable(
                name: "Screenings");

            migrationBuilder.DropTable(
                name: "Sightings");

            migrationBuilder.DropTable(
                name: "SignInAttempts");

            migrationBuilder.DropTable(
                name: "Sites");

            migrationBuilder.DropTable(
                name: "StixObjects");

            migrationBuilder.DropTable(
                name: "TaxiiSources");

            migrationBuilder.DropTable(
                name: "TaxiiStatuses");

            migrationBuilder.DropTable(
                name: "UrgentMessages");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Devices");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropTable(
                name: "Rfis");

            migrationBuilder.DropTable(
                name: "ScreeningListVersions");

            migrationBuilder.DropTable(
                name: "Sensors");

            migrationBuilder.DropTable(
                name: "StixCollections");

            migrationBuilder.DropTable(
                name: "Agencies");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "States");

            migrationBuilder.DropTable(
                name: "Dialogues");

            migrationBuilder.DropTable(
                name: "Partnerships");
        }
    }
}
