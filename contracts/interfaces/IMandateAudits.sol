// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IMandateAudits
/// @notice The pair-link audit ritual of a circle's mandates. Once per audit period (the rules' `auditPeriod`) anyone
/// may start a draw of two auditors by lot among the eligible members; the auditors each publish a report (a content
/// hash and a URI) within the period, which completes their mandates; after the period anyone may record an audit
/// left unpublished as missed. After publication, the auditors or a decision of the circle record that a listening
/// session was held. The functions run in {MandateDraws} and are reached through {Mandates}' fallback at the
/// circle's mandates address: a client uses this interface (merged into the mandates ABI) at that address.
interface IMandateAudits {
    /// @notice Where an audit stands.
    enum AuditStatus {
        None,
        Pending,
        Drawn,
        Published,
        Missed,
        Skipped,
        Cancelled
    }

    /// @notice An audit as stored.
    /// @param period The audit period's number (counted from the first period; see {currentAuditPeriod}).
    /// @param status Pending (draw requested), Drawn (auditors hold their mandates), Published (both published),
    /// Missed (the period ended before both published, or before the draw completed), Skipped (fewer than two
    /// eligible members), Cancelled (a hard reset during the period; the period's audit may be requested again).
    /// @param poolSize Members in the frozen pool.
    /// @param epoch The circle's reset epoch at request.
    /// @param startsAt When the period began.
    /// @param endsAt When the period ends: the deadline to publish, and the auditors' mandates' expiry.
    /// @param sessionHeldAt When the listening session was held (zero until recorded).
    /// @param drawId The draw by lot of the auditors (zero when skipped at request).
    /// @param auditors The two auditors (zero until drawn).
    /// @param mandateIds Their mandates (roles "auditor 1" and "auditor 2").
    /// @param publishedAt When each auditor published (zero if not).
    /// @param sessionRecordedBy Who recorded the listening session (an auditor or the circle).
    struct Audit {
        uint64 period;
        AuditStatus status;
        uint8 poolSize;
        uint64 epoch;
        uint64 startsAt;
        uint64 endsAt;
        uint64 sessionHeldAt;
        uint256 drawId;
        address[2] auditors;
        uint256[2] mandateIds;
        uint64[2] publishedAt;
        address sessionRecordedBy;
    }

    /// @notice An audit was requested: the pool is frozen and the draw of its auditors waits for its randomness.
    /// @param auditId The audit.
    /// @param period The audit period.
    /// @param drawId The draw by lot (completed with {IMandates-completeDraw}).
    /// @param startsAt When the period began.
    /// @param endsAt When it ends.
    event AuditRequested(
        uint256 indexed auditId,
        uint64 indexed period,
        uint256 indexed drawId,
        uint64 startsAt,
        uint64 endsAt
    );

    /// @notice Fewer than two members were eligible: the period's audit is skipped.
    /// @param auditId The audit.
    /// @param period The audit period.
    /// @param eligible How many were eligible.
    event AuditSkipped(uint256 indexed auditId, uint64 indexed period, uint256 eligible);

    /// @notice The auditors were drawn and hold their mandates until the period ends.
    /// @param auditId The audit.
    /// @param period The audit period.
    /// @param firstAuditor The holder of "auditor 1".
    /// @param secondAuditor The holder of "auditor 2".
    /// @param firstMandateId The first auditor's mandate.
    /// @param secondMandateId The second auditor's mandate.
    event AuditorsDrawn(
        uint256 indexed auditId,
        uint64 indexed period,
        address indexed firstAuditor,
        address secondAuditor,
        uint256 firstMandateId,
        uint256 secondMandateId
    );

    /// @notice An auditor published their report; their mandate completes. The second publication makes the audit
    /// Published.
    /// @param auditId The audit.
    /// @param period The audit period.
    /// @param auditor The auditor.
    /// @param contentHash Hash of the report.
    /// @param uri Where the report is.
    event AuditPublished(
        uint256 indexed auditId,
        uint64 indexed period,
        address indexed auditor,
        bytes32 contentHash,
        string uri
    );

    /// @notice The period ended before the audit was published.
    /// @param auditId The audit.
    /// @param period The audit period.
    /// @param missing The auditors who did not publish (empty when the draw completed after the period).
    event AuditMissed(uint256 indexed auditId, uint64 indexed period, address[] missing);

    /// @notice A hard reset cancelled the audit of the running period; it may be requested again.
    /// @param auditId The audit.
    /// @param period The audit period.
    event AuditCancelled(uint256 indexed auditId, uint64 indexed period);

    /// @notice A listening session on a published audit was held.
    /// @param auditId The audit.
    /// @param heldAt When it was held.
    /// @param recordedBy Who recorded it: an auditor or the circle (by decision).
    event ListeningSessionHeld(uint256 indexed auditId, uint64 heldAt, address indexed recordedBy);

    /// @notice The circle holds no audits (its rules' `auditPeriod` is zero).
    error MandateAuditsOff();

    /// @notice The period already has its audit.
    /// @param period The audit period.
    /// @param auditId Its audit.
    error MandateAuditExists(uint64 period, uint256 auditId);

    /// @notice No audit has this id.
    /// @param auditId The id.
    error MandateAuditNotFound(uint256 auditId);

    /// @notice The audit is not in the state this needs.
    /// @param auditId The audit.
    /// @param status Its state.
    error MandateAuditWrongStatus(uint256 auditId, AuditStatus status);

    /// @notice The audit's period is over.
    /// @param auditId The audit.
    /// @param endedAt When it ended.
    error MandateAuditPeriodOver(uint256 auditId, uint64 endedAt);

    /// @notice The audit's period is not over yet.
    /// @param auditId The audit.
    /// @param endsAt When it ends.
    error MandateAuditPeriodNotOver(uint256 auditId, uint64 endsAt);

    /// @notice The caller is not one of the audit's auditors (nor, where allowed, the circle).
    /// @param auditId The audit.
    /// @param caller The caller.
    error MandateAuditNotAuditor(uint256 auditId, address caller);

    /// @notice The auditor already published for this audit.
    /// @param auditId The audit.
    /// @param auditor The auditor.
    error MandateAuditAlreadyPublished(uint256 auditId, address auditor);

    /// @notice A report needs a content hash.
    /// @param auditId The audit.
    error MandateAuditEmptyReport(uint256 auditId);

    /// @notice The report's URI is too long.
    /// @param length Its length in bytes.
    /// @param max The cap.
    error MandateAuditUriTooLong(uint256 length, uint256 max);

    /// @notice The audit's listening session is already recorded.
    /// @param auditId The audit.
    /// @param heldAt When it was held.
    error MandateAuditSessionRecorded(uint256 auditId, uint64 heldAt);

    /// @notice A listening session's date must be between the audit's publication and now.
    /// @param auditId The audit.
    /// @param heldAt The date given.
    /// @param earliest The last publication.
    /// @param latest Now.
    error MandateAuditSessionDate(uint256 auditId, uint64 heldAt, uint64 earliest, uint64 latest);

    /// @notice The auditor roles are drawn by the audit ritual only, never granted or drawn by decision.
    /// @param roleId The role asked for.
    error MandateAuditRoleReserved(bytes32 roleId);

    /// @notice The role of the first auditor: keccak256("auditor 1").
    function AUDITOR_ROLE_1() external view returns (bytes32);

    /// @notice The role of the second auditor: keccak256("auditor 2").
    function AUDITOR_ROLE_2() external view returns (bytes32);

    /// @notice The most bytes a report's URI may have.
    function MAX_AUDIT_URI() external view returns (uint256);

    /// @notice Starts the audit of the current period. Anyone, once per period (again after a hard reset cancelled
    /// it). Freezes the pool of eligible members (members, not cooled down, not term-limited in either auditor role,
    /// under their live-mandate limit, not the live facilitator) and a future randomness ticket, as a draw completed
    /// in request order with the others ({IMandates-completeDraw}). With fewer than two eligible the audit is skipped
    /// ({AuditSkipped}) and nothing is drawn.
    /// @return auditId The audit.
    function requestAuditorDraw() external returns (uint256 auditId);

    /// @notice An auditor publishes their report within the period; their mandate completes. Each auditor
    /// publishes their own (they may publish the same hash); the audit is Published when both have.
    /// @param auditId The audit.
    /// @param contentHash Hash of the report (not zero).
    /// @param uri Where the report is (at most {MAX_AUDIT_URI} bytes).
    function publishAudit(uint256 auditId, bytes32 contentHash, string calldata uri) external;

    /// @notice Records an audit not published by the end of its period as missed. Anyone, once.
    /// @param auditId The audit.
    function recordAuditMissed(uint256 auditId) external;

    /// @notice Records that the listening session on a published audit was held. An auditor of the audit or the
    /// circle (by decision); once.
    /// @param auditId The audit.
    /// @param heldAt When it was held: not before the audit's last publication, not in the future.
    function recordListeningSession(uint256 auditId, uint64 heldAt) external;

    /// @notice An audit.
    /// @param auditId The audit.
    function audit(uint256 auditId) external view returns (Audit memory);

    /// @notice How many audits were ever recorded; ids run from 1 to this.
    function auditCount() external view returns (uint256);

    /// @notice The audit period running now. Periods are `auditPeriod` long, counted from the first audit request
    /// (before it, the period a request would open: from now), and again from every rules update that changes the
    /// period; numbers keep rising across such updates.
    /// @return period Its number.
    /// @return startsAt When it began.
    /// @return endsAt When it ends.
    /// @return auditId Its latest audit (zero if none).
    function currentAuditPeriod()
        external
        view
        returns (uint64 period, uint64 startsAt, uint64 endsAt, uint256 auditId);
}
