using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssistanceActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IatiIdentifier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Implementer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ImplementerRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SectorCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    DefaultCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Budgets = table.Column<string>(type: "text", nullable: false),
                    Transactions = table.Column<string>(type: "text", nullable: false),
                    Conditions = table.Column<string>(type: "text", nullable: false),
                    Results = table.Column<string>(type: "text", nullable: false),
                    CommitmentIds = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tlp = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupplyAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecipientAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Items = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    EndUseAssurances = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    AssurancesSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Monitoring = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InventoryIntervalMonths = table.Column<int>(type: "integer", nullable: false),
                    NextInventoryDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverdueAlertedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tlp = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyAgreements_Agencies_RecipientAgencyId",
                        column: x => x.RecipientAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingCourses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DurationHours = table.Column<double>(type: "double precision", nullable: false),
                    CertificateValidityMonths = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tlp = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingCourses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupplyDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyDeliveries_SupplyAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "SupplyAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplyInventoryChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckingAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Lines = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyInventoryChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyInventoryChecks_SupplyAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "SupplyAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplyTransferRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestingAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ThirdParty = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SerialNumbers = table.Column<List<string>>(type: "text[]", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyTransferRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyTransferRequests_SupplyAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "SupplyAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Facilitators = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_TrainingCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TrainingCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplyDeliveredItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SerialNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    LastCheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MissingAlertedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TransferAlertedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyDeliveredItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyDeliveredItems_SupplyAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "SupplyAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplyDeliveredItems_SupplyDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "SupplyDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEnrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonNameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Hours = table.Column<double>(type: "double precision", nullable: true),
                    Grade = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Passed = table.Column<bool>(type: "boolean", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiryAlertedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEnrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_Agencies_PersonAgencyId",
                        column: x => x.PersonAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_TrainingCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "TrainingCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceActivities_OwnerAgencyId_IatiIdentifier",
                table: "AssistanceActivities",
                columns: new[] { "OwnerAgencyId", "IatiIdentifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceActivities_OwnerAgencyId_Tlp",
                table: "AssistanceActivities",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyAgreements_NextInventoryDueOn",
                table: "SupplyAgreements",
                column: "NextInventoryDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyAgreements_OwnerAgencyId_Tlp",
                table: "SupplyAgreements",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyAgreements_RecipientAgencyId",
                table: "SupplyAgreements",
                column: "RecipientAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDeliveredItems_AgreementId_SerialNumber",
                table: "SupplyDeliveredItems",
                columns: new[] { "AgreementId", "SerialNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDeliveredItems_DeliveryId",
                table: "SupplyDeliveredItems",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDeliveries_AgreementId_DeliveredOn",
                table: "SupplyDeliveries",
                columns: new[] { "AgreementId", "DeliveredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyInventoryChecks_AgreementId_CheckedAt",
                table: "SupplyInventoryChecks",
                columns: new[] { "AgreementId", "CheckedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyTransferRequests_AgreementId_Status",
                table: "SupplyTransferRequests",
                columns: new[] { "AgreementId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCourses_OwnerAgencyId_Tlp",
                table: "TrainingCourses",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_CertificateExpiresOn",
                table: "TrainingEnrolments",
                column: "CertificateExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_CourseId",
                table: "TrainingEnrolments",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_PersonAgencyId",
                table: "TrainingEnrolments",
                column: "PersonAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_PersonNameKey_PersonAgencyId",
                table: "TrainingEnrolments",
                columns: new[] { "PersonNameKey", "PersonAgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_SessionId",
                table: "TrainingEnrolments",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_UserId",
                table: "TrainingEnrolments",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_CourseId_StartsOn",
                table: "TrainingSessions",
                columns: new[] { "CourseId", "StartsOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistanceActivities");

            migrationBuilder.DropTable(
                name: "SupplyDeliveredItems");

            migrationBuilder.DropTable(
                name: "SupplyInventoryChecks");

            migrationBuilder.DropTable(
                name: "SupplyTransferRequests");

            migrationBuilder.DropTable(
                name: "TrainingEnrolments");

            migrationBuilder.DropTable(
                name: "SupplyDeliveries");

            migrationBuilder.DropTable(
                name: "TrainingSessions");

            migrationBuilder.DropTable(
                name: "SupplyAgreements");

            migrationBuilder.DropTable(
                name: "TrainingCourses");
        }
    }
}
