using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>
/// The hosts' decision rules. Every signed-in user may read them (they say how a host decides, not what); a host state's
/// coordinators and administrators set them. A request takes the most specific rule that matches it when it is submitted.
/// </summary>
internal sealed class DecisionRulesService(JsmsDbContext db, TimeProvider clock)
{
    public async Task<List<DecisionRuleDto>> ListAsync()
    {
        var rules = await db.Set<ConsentDecisionRule>().AsNoTracking().ToListAsync();
        var states = await db.Set<State>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.IsoCode);
        var partnerships = await db.Set<Partnership>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name);
        return [.. rules.Select(r => new DecisionRuleDto(r.Id, states.GetValueOrDefault(r.HostStateId, "?"), r.PartnershipId,
                r.PartnershipId is { } p ? partnerships.GetValueOrDefault(p) : null, r.Kind?.ToString(), r.Rule.ToString(),
                r.Rule == DecisionRule.Quorum ? r.QuorumN : null, r.UpdatedAt))
            .OrderBy(r => r.HostState).ThenBy(r => r.Partnership).ThenBy(r => r.Kind)];
    }

    /// <summary>Sets (creates or replaces) the rule for a host state, partnership and kind.</summary>
    public async Task<OperationOutcome<DecisionRuleDto>> SetAsync(Caller caller, DecisionRuleInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var iso = input.HostState?.Trim().ToUpperInvariant();
        var state = string.IsNullOrEmpty(iso) ? null : await db.Set<State>().FirstOrDefaultAsync(s => s.IsoCode == iso);
        if (state is null)
        {
            errors["hostState"] = [string.IsNullOrEmpty(iso) ? "Required: the host state's ISO code." : $"Unknown state '{iso}'."];
        }
        if (input.PartnershipId is { } pid && !await db.Set<Partnership>().AnyAsync(p => p.Id == pid))
        {
            errors["partnershipId"] = ["Unknown partnership."];
        }
        ConsentKind? kind = null;
        if (!string.IsNullOrWhiteSpace(input.Kind))
        {
            if (Enum.TryParse<ConsentKind>(input.Kind, true, out var k) && Enum.IsDefined(k) && !int.TryParse(input.Kind, out _))
            {
                kind = k;
            }
            else
            {
                errors["kind"] = [$"Use one of: {string.Join(", ", Enum.GetNames<ConsentKind>())} (or leave it out for every kind)."];
            }
        }
        if (!Enum.TryParse<DecisionRule>(input.Rule, true, out var rule) || !Enum.IsDefined(rule) || int.TryParse(input.Rule, out _))
        {
            errors["rule"] = [$"Use one of: {string.Join(", ", Enum.GetNames<DecisionRule>())}."];
        }
        else if (rule == DecisionRule.Quorum && input.Quorum is not (>= 1 and <= 50))
        {
            errors["quorum"] = ["A quorum rule needs the number of approvals, 1 to 50."];
        }
        if (errors.Count > 0)
        {
            return OperationOutcome<DecisionRuleDto>.Invalid(errors);
        }
        var ownState = await db.Set<Agency>().Where(a => a.Id == caller.AgencyId).Select(a => a.StateId).FirstAsync();
        if (ownState != state!.Id || !(caller.IsInRole(JsmsRoles.Coordinator) || caller.IsAdministrator))
        {
            return OperationOutcome<DecisionRuleDto>.NotAllowed("Only a coordinator of an agency of the host state sets its decision rules.");
        }
        var existing = await db.Set<ConsentDecisionRule>()
            .FirstOrDefaultAsync(r => r.HostStateId == state.Id && r.PartnershipId == input.PartnershipId && r.Kind == kind);
        if (existing is null)
        {
            existing = new ConsentDecisionRule { Id = Guid.NewGuid(), HostStateId = state.Id, PartnershipId = input.PartnershipId, Kind = kind };
            db.Add(existing);
        }
        existing.Rule = rule;
        existing.QuorumN = rule == DecisionRule.Quorum ? input.Quorum!.Value : 0;
        existing.SetByUserId = caller.UserId;
        existing.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return OperationOutcome<DecisionRuleDto>.Ok((await ListAsync()).First(r => r.Id == existing.Id));
    }

    /// <summary>
    /// The rule for a request: of the host state's rules, those for a partnership that the requester and one of the
    /// authorities both belong to, or for anyone; for the request's kind or every kind. A partnership's rule beats a
    /// general one, a kind's rule beats an every-kind one. None: every authority must approve.
    /// </summary>
    public static async Task<(DecisionRule Rule, int QuorumN)> RuleForAsync(JsmsDbContext db, ConsentRequest request)
    {
        var authorityIds = request.Authorities.Select(a => a.AgencyId).ToList();
        var members = db.Set<PartnershipMember>();
        var shared = await members.Where(m => m.AgencyId == request.OwnerAgencyId)
            .Where(m => members.Any(o => o.PartnershipId == m.PartnershipId && authorityIds.Contains(o.AgencyId)))
            .Select(m => m.PartnershipId).ToListAsync();
        var rules = await db.Set<ConsentDecisionRule>().AsNoTracking().Where(r => r.HostStateId == request.HostStateId).ToListAsync();
        var best = rules
            .Where(r => (r.PartnershipId is null || shared.Contains(r.PartnershipId.Value)) && (r.Kind is null || r.Kind == request.Kind))
            .OrderByDescending(r => r.PartnershipId is not null).ThenByDescending(r => r.Kind is not null).ThenBy(r => r.Id)
            .FirstOrDefault();
        return best is null ? (DecisionRule.All, 0) : (best.Rule, best.QuorumN);
    }
}
