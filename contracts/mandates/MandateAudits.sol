// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IMandateAudits} from "../interfaces/IMandateAudits.sol";
import {IMandates} from "../interfaces/IMandates.sol";
import {MandatesBase} from "./MandatesBase.sol";

/// @title MandateAudits
/// @notice The pair-link audit ritual for {Mandates} ({IMandateAudits}): requesting the draw of two auditors,
/// publishing, recording a missed audit and the listening session, and the views. Like {MandateDraws}, it has no
/// storage of its own and no callers but {Mandates}, which created it and runs it by delegatecall (through its
/// fallback) in the circle's mandates storage. The draw of the auditors completes in {MandateDraws} with every other
/// draw ({IMandates-completeDraw}); a rules update and a hard reset, which touch the audit periods, run there too.
///
/// @dev Security reasoning:
/// - Who: anyone starts the audit of the running period ({requestAuditorDraw}), at most once per period (once more
///   after a hard reset cancelled it); only a drawn auditor publishes, their own report, once, within the period;
///   anyone records a missed audit, only after the period's end; only an auditor or the circle itself (an executed
///   decision) records the listening session, only after both published. No mandate power can make the circle call
///   the mandates ({MandatesBase-_grantOf} forbids them as a target), so no mandate holder can act here as the
///   circle: the circle's own rituals are out of every mandate's reach by design.
/// - Periods are `auditPeriod` long, counted from the first audit request (nothing about the founding is stored,
///   and a later start only delays the first audit), and again from every rules update that changes their length:
///   the running period closes there, numbers keep rising, and an audit keeps the deadline it was requested with.
/// - The draw is a draw like the others: pool and randomness frozen at request, completion in request order,
///   eligibility re-checked at completion. Eligible: the grant rules for both auditor roles (member, not cooled down
///   by the dominance ritual, not term-limited in either role, under the live-mandate limit) and not the live
///   facilitator. The two auditors are picked by {Sortition-pickTwo}: the pair depends on the set of members in the
///   frozen pool and the randomness only, not on the order of the pool (nor on who joined first).
/// - Live-mandate limit: an auditor's mandate does not count toward `maxLivePerMember` ({MandatesBase-_liveCountOf}),
///   so an audit never makes its auditors ineligible for facilitation or a decided grant: auditing cannot starve
///   facilitation. It does count toward the circle's {MandatesBase-MAX_LIVE_MANDATES}, which bounds the reset loop.
///   The auditor roles cannot be granted or drawn by decision ({MandateAuditRoleReserved}), so that exemption
///   cannot be borrowed, and a request needs both roles free (no live auditor, no pending audit draw).
/// - One auditor alone cannot close an audit: each publishes their own report, and the audit is Published only when
///   both have. A recall or a departure ends an auditor's mandate but not their right to publish within the period:
///   a majority cannot silence a report by recalling its author.
/// - A hard reset cancels the audit of the running period (its auditors' mandates end with every other) and the
///   period's audit may be requested again at once, so a minority able to reset cannot kill audits for good; the
///   reset cooldown bounds how often it can try. An audit whose period is over is not cancelled: it stays to be
///   recorded missed.
/// - Bounded loops: the pool is at most the member cap; a missed audit lists at most two auditors.
contract MandateAudits is MandatesBase, IMandateAudits {
    /// @inheritdoc IMandateAudits
    bytes32 public constant AUDITOR_ROLE_1 = AUDITOR_1;

    /// @inheritdoc IMandateAudits
    bytes32 public constant AUDITOR_ROLE_2 = AUDITOR_2;

    /// @inheritdoc IMandateAudits
    uint256 public constant MAX_AUDIT_URI = 256;

    // ------------------------------------------------------------------
    // Pair-link audits
    // ------------------------------------------------------------------

    /// @inheritdoc IMandateAudits
    function requestAuditorDraw() external returns (uint256 auditId) {
        MandatesStorage storage $ = _mandatesStorage();
        AuditPeriod memory p = _auditPeriodNow();
        uint256 existing = $.auditOfPeriod[p.period];
        if (existing != 0 && $.audits[existing].status != AuditStatus.Cancelled) {
            revert MandateAuditExists(p.period, existing);
        }
        if ($.auditFrom == 0) $.auditFrom = uint40(block.timestamp); // the first request starts the count
        _checkRoleVacant(AUDITOR_1);
        _checkRoleVacant(AUDITOR_2);
        address[] memory pool = _auditorPool();

        auditId = ++$.auditCount;
        $.auditOfPeriod[p.period] = auditId;
        Audit storage a = $.audits[auditId];
        a.period = p.period;
        a.poolSize = uint8(pool.length); // at most the member cap
        a.epoch = $.epoch;
        a.startsAt = p.startsAt;
        a.endsAt = p.endsAt;
        if (pool.length < 2) {
            a.status = AuditStatus.Skipped;
            emit AuditSkipped(auditId, p.period, pool.length);
            return auditId;
        }
        a.status = AuditStatus.Pending;
        Grant memory g = Grant({
            roleId: AUDITOR_1,
            role: "auditor 1",
            title: string.concat("Pair-link audit, period ", _decimal(p.period)),
            scopeHash: bytes32(0),
            duration: 0, // set at completion: until the period's end
            holder: address(0),
            proposer: address(0),
            drawn: true,
            audit: true
        });
        uint256 drawId = _freezeDraw(g, pool);
        $.roles[AUDITOR_2].draw = uint40(drawId); // _freezeDraw checked it fits
        a.drawId = drawId;
        $.drawAudits[drawId] = auditId;
        emit AuditRequested(auditId, p.period, drawId, p.startsAt, p.endsAt);
    }

    /// @inheritdoc IMandateAudits
    function publishAudit(uint256 auditId, bytes32 contentHash, string calldata uri) external {
        Audit storage a = _auditIn(auditId, AuditStatus.Drawn);
        if (block.timestamp >= a.endsAt) revert MandateAuditPeriodOver(auditId, a.endsAt);
        uint256 i = _auditorIndex(a, auditId);
        if (a.publishedAt[i] != 0) revert MandateAuditAlreadyPublished(auditId, msg.sender);
        if (contentHash == bytes32(0)) revert MandateAuditEmptyReport(auditId);
        if (bytes(uri).length > MAX_AUDIT_URI) revert MandateAuditUriTooLong(bytes(uri).length, MAX_AUDIT_URI);
        a.publishedAt[i] = uint64(block.timestamp);
        if (a.publishedAt[1 - i] != 0) a.status = AuditStatus.Published;
        emit AuditPublished(auditId, a.period, msg.sender, contentHash, uri);
        uint256 mandateId = a.mandateIds[i];
        if (_isLive(mandateId)) _end(mandateId, IMandates.EndReason.Completed);
    }

    /// @inheritdoc IMandateAudits
    function recordAuditMissed(uint256 auditId) external {
        Audit storage a = _auditIn(auditId, AuditStatus.Drawn);
        if (block.timestamp < a.endsAt) revert MandateAuditPeriodNotOver(auditId, a.endsAt);
        a.status = AuditStatus.Missed;
        address[] memory missing = new address[](2);
        uint256 count;
        for (uint256 i = 0; i < 2; ++i) {
            if (a.publishedAt[i] == 0) missing[count++] = a.auditors[i];
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(missing, count)
        }
        emit AuditMissed(auditId, a.period, missing);
    }

    /// @inheritdoc IMandateAudits
    function recordListeningSession(uint256 auditId, uint64 heldAt) external {
        MandatesStorage storage $ = _mandatesStorage();
        Audit storage a = $.audits[auditId];
        if (a.status == AuditStatus.None) revert MandateAuditNotFound(auditId);
        if (msg.sender != address(_circle())) _auditorIndex(a, auditId);
        if (a.status != AuditStatus.Published) revert MandateAuditWrongStatus(auditId, a.status);
        if (a.sessionHeldAt != 0) revert MandateAuditSessionRecorded(auditId, a.sessionHeldAt);
        uint64 earliest = a.publishedAt[0] > a.publishedAt[1] ? a.publishedAt[0] : a.publishedAt[1];
        if (heldAt < earliest || heldAt > block.timestamp) {
            revert MandateAuditSessionDate(auditId, heldAt, earliest, uint64(block.timestamp));
        }
        a.sessionHeldAt = heldAt;
        a.sessionRecordedBy = msg.sender;
        emit ListeningSessionHeld(auditId, heldAt, msg.sender);
    }

    /// @inheritdoc IMandateAudits
    function audit(uint256 auditId) external view returns (Audit memory) {
        return _mandatesStorage().audits[auditId];
    }

    /// @inheritdoc IMandateAudits
    function auditCount() external view returns (uint256) {
        return _mandatesStorage().auditCount;
    }

    /// @inheritdoc IMandateAudits
    function currentAuditPeriod()
        external
        view
        returns (uint64 period, uint64 startsAt, uint64 endsAt, uint256 auditId)
    {
        AuditPeriod memory p = _auditPeriodNow();
        return (p.period, p.startsAt, p.endsAt, _mandatesStorage().auditOfPeriod[p.period]);
    }

    /// @dev The members eligible to audit now, in membership order (the pick sorts them).
    function _auditorPool() private view returns (address[] memory pool) {
        address[] memory members = _membership().members();
        address facilitator = _liveFacilitator();
        pool = new address[](members.length);
        uint256 count;
        for (uint256 i = 0; i < members.length; ++i) {
            if (_isAuditorEligible(members[i], AUDITOR_1, facilitator)) pool[count++] = members[i];
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(pool, count)
        }
    }

    /// @dev An audit in `status`, or a revert naming the state it is in.
    function _auditIn(uint256 auditId, AuditStatus status) private view returns (Audit storage a) {
        a = _mandatesStorage().audits[auditId];
        if (a.status == AuditStatus.None) revert MandateAuditNotFound(auditId);
        if (a.status != status) revert MandateAuditWrongStatus(auditId, a.status);
    }

    /// @dev Which of the audit's auditors the caller is; reverts if neither.
    function _auditorIndex(Audit storage a, uint256 auditId) private view returns (uint256) {
        if (msg.sender == a.auditors[0]) return 0;
        if (msg.sender == a.auditors[1]) return 1;
        revert MandateAuditNotAuditor(auditId, msg.sender);
    }

    /// @dev `value` in decimal digits (a period number: at most 20 digits).
    function _decimal(uint256 value) private pure returns (string memory) {
        bytes memory digits = new bytes(20);
        uint256 at = 20;
        do {
            digits[--at] = bytes1(uint8(48 + (value % 10)));
            value /= 10;
        } while (value != 0);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(add(digits, at), sub(20, at))
            digits := add(digits, at)
        }
        return string(digits);
    }
}
