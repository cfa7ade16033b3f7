namespace Jsms.Features.Operations;

/// <summary>What a partner asks to do on a host state's territory.</summary>
internal enum ConsentKind { LiaisonPresence, ProtectiveDetail, JointPatrol, JointStrike, TrainingTeam, Overflight }
