using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentDecisionRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostStateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QuorumN = table.Column<int>(type: "INTEGER", nullable: false),
                    SetByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentDecisionRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentDecisionRules_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsentDecisionRules_States_HostStateId",
                        column: x => x.HostStateId,
                        principalTable: "States",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostStateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Area = table.Column<string>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Standing = table.Column<bool>(type: "INTEGER", nullable: false),
                    Exclusions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RulesOfEngagement = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecisionDeadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QuorumN = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ClonedFromId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AmendsConsentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostStateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestingAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EffectiveArea = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EffectiveEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Standing = table.Column<bool>(type: "INTEGER", nullable: false),
                    Exclusions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StatusChangedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupersededById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AmendsConsentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentAuthorities",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentAuthorities", x => new { x.RequestId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_ConsentAuthorities_ConsentRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ConsentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorityAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NarrowedArea = table.Column<string>(type: "TEXT", nullable: true),
                    NarrowedStart = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NarrowedEnd = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PersonnelIds = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentDecisions_ConsentRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ConsentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRequestEquipment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRequestEquipment", x => new { x.RequestId, x.Id });
                    table.ForeignKey(
                        name: "FK_ConsentRequestEquipment_ConsentRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ConsentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRequestPersonnel",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PassportNumberProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TrainedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VettedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRequestPersonnel", x => new { x.RequestId, x.Id });
                    table.ForeignKey(
                        name: "FK_ConsentRequestPersonnel_ConsentRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ConsentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRequestVehicles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Callsign = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRequestVehicles", x => new { x.RequestId, x.Id });
                    table.ForeignKey(
                        name: "FK_ConsentRequestVehicles_ConsentRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ConsentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentPersonnel",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PassportNumberProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TrainedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VettedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentPersonnel", x => new { x.ConsentId, x.Id });
                    table.ForeignKey(
                        name: "FK_ConsentPersonnel_Consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "Consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentVehicles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Callsign = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentVehicles", x => new { x.ConsentId, x.Id });
                    table.ForeignKey(
                        name: "FK_ConsentVehicles_Consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "Consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentAuthorities_AgencyId_RequestId",
                table: "ConsentAuthorities",
                columns: new[] { "AgencyId", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentDecisionRules_HostStateId_PartnershipId_Kind",
                table: "ConsentDecisionRules",
                columns: new[] { "HostStateId", "PartnershipId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsentDecisionRules_PartnershipId",
                table: "ConsentDecisionRules",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentDecisions_RequestId_Round_AuthorityAgencyId",
                table: "ConsentDecisions",
                columns: new[] { "RequestId", "Round", "AuthorityAgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRequests_HostStateId_Status",
                table: "ConsentRequests",
                columns: new[] { "HostStateId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRequests_OwnerAgencyId_Tlp",
                table: "ConsentRequests",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_HostStateId_Status",
                table: "Consents",
                columns: new[] { "HostStateId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_OwnerAgencyId_Tlp",
                table: "Consents",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_RequestId",
                table: "Consents",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsentVehicles_DeviceId",
                table: "ConsentVehicles",
                column: "DeviceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentAuthorities");

            migrationBuilder.DropTable(
                name: "ConsentDecisionRules");

            migrationBuilder.DropTable(
                name: "ConsentDecisions");

            migrationBuilder.DropTable(
                name: "ConsentPersonnel");

            migrationBuilder.DropTable(
                name: "ConsentRequestEquipment");

            migrationBuilder.DropTable(
                name: "ConsentRequestPersonnel");

            migrationBuilder.DropTable(
                name: "ConsentRequestVehicles");

            migrationBuilder.DropTable(
                name: "ConsentVehicles");

            migrationBuilder.DropTable(
                name: "ConsentRequests");

            migrationBuilder.DropTable(
                name: "Consents");
        }
    }
}
