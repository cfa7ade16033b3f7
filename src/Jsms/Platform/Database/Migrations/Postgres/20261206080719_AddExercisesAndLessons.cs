using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Jsms.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddExercisesAndLessons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Exercises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Scenario = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Phase = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Area = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: true),
                    ConsentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExecutionStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExecutionEndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AarDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ImprovementPlanDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AarIssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AarEscalatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HotWashNotes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AarSummary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tlp = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exercises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Observation = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: true),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: true),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ImprovementItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Analysis = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    RootCause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IdentifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Action = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ActionAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActionDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ActionStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ActionAssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ValidationNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ValidatedByObjectiveId = table.Column<Guid>(type: "uuid", nullable: true),
                    LearnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tlp = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Lessons_Agencies_ActionAgencyId",
                        column: x => x.ActionAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExerciseImprovementItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectiveCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CorrectiveAction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LessonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExerciseImprovementItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExerciseImprovementItems_Agencies_OwnerAgencyId",
                        column: x => x.OwnerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExerciseImprovementItems_Exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExerciseInjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PlannedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Sender = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Receiver = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Method = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExpectedAction = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ObjectiveCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Unplanned = table.Column<bool>(type: "boolean", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ObservedAction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Assessment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    MarkedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SimulatedKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SimulatedLabel = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    SimulatedLatitude = table.Column<double>(type: "double precision", nullable: true),
                    SimulatedLongitude = table.Column<double>(type: "double precision", nullable: true),
                    SimulatedDwellMinutes = table.Column<int>(type: "integer", nullable: true),
                    ReplayAlertId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExerciseInjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExerciseInjects_Exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExerciseObjectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Strengths = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AreasForImprovement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExerciseObjectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExerciseObjectives_Exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExerciseParticipants",
                columns: table => new
                {
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExerciseParticipants", x => new { x.ExerciseId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_ExerciseParticipants_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExerciseParticipants_Exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExercisePhaseDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromPhase = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ToPhase = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExercisePhaseDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExercisePhaseDecisions_Exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExercisePhaseDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExercisePhaseDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExercisePhaseDocuments_ExercisePhaseDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "ExercisePhaseDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseImprovementItems_ExerciseId_DueOn",
                table: "ExerciseImprovementItems",
                columns: new[] { "ExerciseId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseImprovementItems_OwnerAgencyId",
                table: "ExerciseImprovementItems",
                column: "OwnerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseInjects_ExerciseId_Number",
                table: "ExerciseInjects",
                columns: new[] { "ExerciseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseObjectives_ExerciseId_Code",
                table: "ExerciseObjectives",
                columns: new[] { "ExerciseId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseParticipants_AgencyId",
                table: "ExerciseParticipants",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ExercisePhaseDecisions_ExerciseId_RecordedAt",
                table: "ExercisePhaseDecisions",
                columns: new[] { "ExerciseId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExercisePhaseDocuments_DecisionId",
                table: "ExercisePhaseDocuments",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_AarDueAt_AarIssuedAt",
                table: "Exercises",
                columns: new[] { "AarDueAt", "AarIssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_OwnerAgencyId_Tlp",
                table: "Exercises",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_ActionAgencyId",
                table: "Lessons",
                column: "ActionAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_ExerciseId",
                table: "Lessons",
                column: "ExerciseId");

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_OwnerAgencyId_Tlp",
                table: "Lessons",
                columns: new[] { "OwnerAgencyId", "Tlp" });

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_Stage_ActionAgencyId_ActionDueOn",
                table: "Lessons",
                columns: new[] { "Stage", "ActionAgencyId", "ActionDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExerciseImprovementItems");

            migrationBuilder.DropTable(
                name: "ExerciseInjects");

            migrationBuilder.DropTable(
                name: "ExerciseObjectives");

            migrationBuilder.DropTable(
                name: "ExerciseParticipants");

            migrationBuilder.DropTable(
                name: "ExercisePhaseDocuments");

            migrationBuilder.DropTable(
                name: "Lessons");

            migrationBuilder.DropTable(
                name: "ExercisePhaseDecisions");

            migrationBuilder.DropTable(
                name: "Exercises");
        }
    }
}
