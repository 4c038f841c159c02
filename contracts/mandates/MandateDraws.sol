// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {MandateRules} from "../interfaces/ICircleRules.sol";
import {IMandateAudits} from "../interfaces/IMandateAudits.sol";
import {IMandates} from "../interfaces/IMandates.sol";
import {CircleRulesLib} from "../libraries/CircleRulesLib.sol";
import {Sortition} from "../libraries/Sortition.sol";
import {MandatesBase} from "./MandatesBase.sol";

/// @title MandateDraws
/// @notice Sortition for {Mandates}: requesting, completing and re-requesting draws by lot, the pair-link audits
/// ({IMandateAudits}), the rules update and the hard reset. It has no storage of its own and no callers but
/// {Mandates}, which created it and runs it by delegatecall in the circle's mandates storage (through forwarding
/// functions of {IMandates}, and its fallback for {IMandateAudits}); its functions keep those interfaces' selectors.
///
/// @dev Security reasoning:
/// - It is a code module, not a separate authority: {Mandates} deploys it in its constructor and keeps its address
///   as an immutable, so no one can point a circle's draws at other code. Run by a clone's delegatecall, it reads
///   that clone's circle, membership and rituals from the clone's code ({MandatesBase-_circle}). Called directly, it
///   reads no circle (at its own address the clone arguments read as zero, not its own code's bytes, so `requestDraw`
///   refuses every caller) and its own empty storage: no facilitation period, no draws.
/// - The pool of eligible members and a future randomness ticket are frozen at request (the pool as a hash, the
///   members in {DrawRequested}); completion cannot choose either.
/// - Draws complete in request order: only draw `drawsSettled + 1` may complete, any other pending one reverts with
///   {MandateDrawOutOfOrder}. So when two pending draws share members (and one's winner may become ineligible for
///   the other, e.g. by reaching the live-mandate limit), the completer cannot pick the order and with it who gets
///   which role. A role has at most one pending draw, and a grant for a role with a pending draw is refused, so the
///   oldest draw can always complete once its randomness is out (or be re-requested once it is stale).
/// - Eligibility is re-checked at completion, with the same rules as a grant (member, not the stepping-aside
///   proposer, not cooled down, not term-limited, under the live-mandate limit); the pick is uniform among those
///   still eligible. If nobody is, the draw is void ({DrawVoided}): it grants nothing and frees the queue and the
///   role for a new decision. The moment of completion can matter only through those rules changing with time
///   (a cooldown or a term ending); the randomness and the order in which candidates are tried cannot be chosen.
/// - A hard reset cancels every pending draw (its epoch is stale) and settles them all at once.
/// - Pair-link audits ({MandateAudits} states their reasoning): an audit's draw is one draw in the queue, completed
///   here by {completeDraw} into two auditors' mandates ({Sortition-pickTwo}); a rules update that changes the audit
///   period restarts the count of periods; a hard reset cancels the running period's audit.
contract MandateDraws is MandatesBase, ReentrancyGuardTransient {
    /// @notice See {IMandates-requestDraw}.
    function requestDraw(IMandates.MandateSpec calldata spec) external onlyCircle returns (uint256 drawId) {
        _pruneExpired();
        drawId = _requestDraw(_grantOf(spec, _decisionProposer()), address(0));
        MandatesStorage storage $ = _mandatesStorage();
        for (uint256 i = 0; i < spec.powers.length; ++i) {
            $.drawPowers[drawId].push(spec.powers[i]);
        }
    }

    /// @notice See {IMandates-requestFacilitatorDraw}.
    function requestFacilitatorDraw() external returns (uint256 drawId) {
        MandatesStorage storage $ = _mandatesStorage();
        uint32 period = $.rules.facilitationPeriod;
        if (period == 0) revert IMandates.MandateNoFacilitation();
        _pruneExpired();
        Grant memory g = Grant({
            roleId: FACILITATOR_ROLE,
            role: "facilitator",
            title: "Facilitate the circle",
            scopeHash: bytes32(0),
            duration: period,
            holder: address(0),
            proposer: address(0),
            drawn: true,
            audit: false
        });
        drawId = _requestDraw(g, $.lastFacilitator);
    }

    /// @notice See {IMandates-completeDraw}.
    function completeDraw(
        uint256 drawId,
        address[] calldata pool,
        bytes calldata proof
    ) external nonReentrant returns (uint256 mandateId) {
        MandatesStorage storage $ = _mandatesStorage();
        IMandates.Draw storage d = $.draws[drawId];
        if (d.status != IMandates.DrawStatus.Pending) revert IMandates.MandateDrawNotPending(drawId);
        if (d.epoch != $.epoch) revert IMandates.MandateDrawCancelled(drawId);
        uint256 next = $.drawsSettled + 1;
        if (drawId != next) revert IMandates.MandateDrawOutOfOrder(drawId, next);
        if (keccak256(abi.encode(pool)) != d.poolHash) revert IMandates.MandateDrawPoolMismatch(drawId);
        uint256 randomness = $.randomness.reveal(d.ticket, proof);
        _pruneExpired();

        $.drawsSettled = uint128(drawId); // drawId == drawsSettled + 1 <= drawCount
        uint256 auditId = $.drawAudits[drawId];
        if (auditId != 0) return _completeAudit(auditId, drawId, pool, randomness);
        Grant memory g = $.drawGrants[drawId];
        g.holder = Sortition.pick(pool, randomness, _isEligible, g.roleId, g.proposer);
        if (g.holder == address(0)) {
            d.status = IMandates.DrawStatus.Void;
            emit IMandates.DrawVoided(drawId, randomness);
            return 0;
        }
        d.status = IMandates.DrawStatus.Completed;
        if (g.roleId == FACILITATOR_ROLE) $.lastFacilitator = g.holder;
        mandateId = _grant(g, $.drawPowers[drawId]);
        d.mandateId = mandateId;
        emit IMandates.DrawCompleted(drawId, mandateId, g.holder, randomness);
    }

    /// @notice See {IMandates-rerequestDraw}.
    function rerequestDraw(uint256 drawId) external {
        MandatesStorage storage $ = _mandatesStorage();
        IMandates.Draw storage d = $.draws[drawId];
        if (d.status != IMandates.DrawStatus.Pending) revert IMandates.MandateDrawNotPending(drawId);
        if (d.epoch != $.epoch) revert IMandates.MandateDrawCancelled(drawId);
        if (!$.randomness.isExpired(d.ticket)) revert IMandates.MandateDrawNotStale(drawId);
        uint256 ticket = $.randomness.request();
        d.ticket = ticket;
        emit IMandates.DrawRerequested(drawId, ticket);
    }

    /// @dev Freezes the pool (leaving out `avoidRepeat` while anyone else is eligible) and a future ticket.
    function _requestDraw(Grant memory g, address avoidRepeat) private returns (uint256 drawId) {
        _checkRoleVacant(g.roleId);
        address[] memory pool = _eligiblePool(g.roleId, g.proposer);
        if (avoidRepeat != address(0) && pool.length > 1) pool = Sortition.without(pool, avoidRepeat);
        if (pool.length == 0) revert IMandates.MandateEmptyPool();
        drawId = _freezeDraw(g, pool);
    }

    // ------------------------------------------------------------------
    // Rules and reset (run here for room in {Mandates})
    // ------------------------------------------------------------------

    /// @notice See {IMandates-updateRules}.
    /// @dev A change of `auditPeriod` closes the running audit period: the next one starts now, numbered after it.
    function updateRules(MandateRules calldata rules_) external onlyCircle {
        CircleRulesLib.validate(rules_);
        MandatesStorage storage $ = _mandatesStorage();
        if (rules_.auditPeriod != $.rules.auditPeriod && $.auditFrom != 0) {
            if ($.rules.auditPeriod != 0) $.auditBase = _auditPeriodNow().period + 1;
            $.auditFrom = uint40(block.timestamp);
        }
        emit IMandates.MandateRulesUpdated($.rules, rules_);
        $.rules = rules_;
    }

    /// @notice See {IMandates-onCircleReset}.
    /// @dev Also cancels the latest audit if it is pending, or drawn with its period running. Only the latest can be:
    /// a request needs both auditor roles free (no live auditor, no pending audit draw).
    function onCircleReset(uint64 epoch) external onlyCircle {
        MandatesStorage storage $ = _mandatesStorage();
        $.epoch = epoch;
        $.drawsSettled = $.drawCount; // every pending draw is cancelled
        uint256 ended = $.liveCount;
        while ($.liveCount > 0) {
            uint256 id = $.live[$.liveCount - 1];
            _end(
                id,
                block.timestamp >= $.mandates[id].expiresAt ? IMandates.EndReason.Expired : IMandates.EndReason.Reset
            );
        }
        uint256 auditId = $.auditCount;
        IMandateAudits.Audit storage a = $.audits[auditId];
        if (
            a.status == IMandateAudits.AuditStatus.Pending ||
            (a.status == IMandateAudits.AuditStatus.Drawn && block.timestamp < a.endsAt)
        ) {
            a.status = IMandateAudits.AuditStatus.Cancelled;
            emit IMandateAudits.AuditCancelled(auditId, a.period);
        }
        emit IMandates.MandatesReset(epoch, ended);
    }

    // ------------------------------------------------------------------
    // Completing an audit's draw
    // ------------------------------------------------------------------

    /// @dev Grants the two auditors their mandates, or settles the audit without them: skipped when fewer than two
    /// are still eligible, missed when the draw completes after the period.
    function _completeAudit(
        uint256 auditId,
        uint256 drawId,
        address[] memory pool,
        uint256 randomness
    ) private returns (uint256) {
        MandatesStorage storage $ = _mandatesStorage();
        IMandateAudits.Audit storage a = $.audits[auditId];
        IMandates.Draw storage d = $.draws[drawId];
        address[2] memory auditors;
        bool running = block.timestamp < a.endsAt;
        if (running) {
            (auditors[0], auditors[1]) = Sortition.pickTwo(
                pool,
                randomness,
                _isAuditorEligible,
                AUDITOR_1,
                AUDITOR_2,
                _liveFacilitator()
            );
        }
        if (auditors[1] == address(0)) {
            d.status = IMandates.DrawStatus.Void;
            emit IMandates.DrawVoided(drawId, randomness);
            if (running) {
                a.status = IMandateAudits.AuditStatus.Skipped;
                emit IMandateAudits.AuditSkipped(auditId, a.period, auditors[0] == address(0) ? 0 : 1);
            } else {
                a.status = IMandateAudits.AuditStatus.Missed;
                emit IMandateAudits.AuditMissed(auditId, a.period, new address[](0));
            }
            return 0;
        }
        Grant memory g = $.drawGrants[drawId];
        g.duration = uint32(a.endsAt - block.timestamp); // at most the audit period, at most maxTerm
        IMandates.Power[] memory none;
        for (uint256 i = 0; i < 2; ++i) {
            g.holder = auditors[i];
            if (i == 1) (g.roleId, g.role) = (AUDITOR_2, "auditor 2");
            a.mandateIds[i] = _grant(g, none);
            a.auditors[i] = auditors[i];
        }
        a.status = IMandateAudits.AuditStatus.Drawn;
        d.status = IMandates.DrawStatus.Completed;
        d.mandateId = a.mandateIds[0];
        emit IMandates.DrawCompleted(drawId, a.mandateIds[0], auditors[0], randomness);
        emit IMandateAudits.AuditorsDrawn(
            auditId,
            a.period,
            auditors[0],
            auditors[1],
            a.mandateIds[0],
            a.mandateIds[1]
        );
        return a.mandateIds[0];
    }
}
