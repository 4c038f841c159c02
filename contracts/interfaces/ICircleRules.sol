// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The rule set of one circle: size bounds, quorum, decision rhythm, charter term, reset trio, the reset
/// cooldown and the temperature-check cooldown. It is what the registry publishes as a template.
/// @dev All durations are in seconds (the circle's ERC-6372 clock is `block.timestamp`). Every field but the last
/// fills the first storage slot exactly, so the reads of the hot paths (voting delay and period, quorum, execution
/// window) stay in one slot; `resetCooldown` is last, alone in the second slot, read only when a reset succeeds.
struct CircleRules {
    /// Fewest founding members a circle starts with.
    uint8 minMembers;
    /// Most members a circle may have at once; never above {CircleRulesLib.MEMBER_CAP}.
    uint8 maxMembers;
    /// Quorum as a percentage (1-100) of the members at the time a proposal was made; for + abstain count.
    uint8 quorumPercent;
    /// Distinct members needed to trigger a hard reset (at least 3).
    uint8 resetThreshold;
    /// Delay between a proposal being made and voting opening.
    uint32 votingDelay;
    /// How long voting stays open.
    uint32 votingPeriod;
    /// How long after voting closes a succeeded proposal may still be executed before it expires.
    uint32 executionWindow;
    /// How long a hard-reset round stays open for the remaining signals after the first one.
    uint32 resetWindow;
    /// Length of one decision period, the unit of the power temperature check.
    uint32 temperaturePeriod;
    /// How long a member named dominant by a majority sits out of roles.
    uint32 dominanceCooldown;
    /// How long a ratified charter stays in force.
    uint32 charterTerm;
    /// How long each member whose signal completed a hard reset may not signal again. At least
    /// {CircleRulesLib-minResetCooldown}, so a minority cannot turn resets into a standing veto.
    uint32 resetCooldown;
}

/// @notice The rules of a circle's mandates: how long they may run, term limits and rotation, anti-charisma, the
/// rotating facilitator, and the rhythm of the two rituals of rotation (pair-link audits and mentorship inversion).
/// One storage slot; published in templates next to {CircleRules}.
/// @dev Durations in seconds.
struct MandateRules {
    /// Longest term a mandate may be granted for.
    uint32 maxTerm;
    /// How long a member who reached the consecutive-term limit of a role must sit out before holding it again,
    /// counted from the end of the last term.
    uint32 termCooldown;
    /// Length of a facilitator's term; the facilitator is drawn by lot each period. Zero: no facilitator.
    uint32 facilitationPeriod;
    /// Most consecutive terms one member may hold the same role (at least 1).
    uint8 termLimit;
    /// Most live mandates one member may hold at once (1 to {CircleRulesLib-MAX_LIVE_PER_MEMBER}).
    uint8 maxLivePerMember;
    /// Whether the member who proposed a mandate is barred from holding it.
    bool proposerStepsAside;
    /// Length of a pair-link audit period: once per period two members are drawn by lot to audit who works with
    /// whom, and publish within the period. Never longer than `maxTerm` (the auditors hold mandates for it). Zero:
    /// no audits.
    uint32 auditPeriod;
    /// How often the mentorship inversion may run: the newest members become mentors of the most senior ones.
    /// Zero: no inversions.
    uint32 inversionPeriod;
}

/// @title Rule-set errors shared by the registry and the circles
/// @notice Every way a {CircleRules} value can be malformed, each with the value that failed.
interface ICircleRules {
    /// @notice The size bounds are not `1 <= minMembers <= maxMembers`.
    /// @param minMembers The minimum given.
    /// @param maxMembers The maximum given.
    error CircleRulesInvalidSizeBounds(uint8 minMembers, uint8 maxMembers);

    /// @notice `maxMembers` exceeds the hard cap that keeps every per-member loop bounded.
    /// @param maxMembers The maximum given.
    /// @param cap The hard cap.
    error CircleRulesSizeOverCap(uint8 maxMembers, uint8 cap);

    /// @notice The quorum percentage is outside 1-100.
    /// @param quorumPercent The percentage given.
    error CircleRulesInvalidQuorum(uint8 quorumPercent);

    /// @notice The reset threshold is below 3 or above the maximum circle size (`maxMembers`), where a reset could
    /// never fire.
    /// @param resetThreshold The threshold given.
    /// @param maxMembers The maximum circle size given.
    error CircleRulesInvalidResetThreshold(uint8 resetThreshold, uint8 maxMembers);

    /// @notice The reset cooldown is too short: the largest minority could cancel a majority's decision again and
    /// again, one signer group after another, before its first group's cooldown ends.
    /// @param resetCooldown The cooldown given.
    /// @param minimum The shortest cooldown these rules allow ({CircleRulesLib-minResetCooldown}).
    error CircleRulesResetCooldownTooShort(uint32 resetCooldown, uint256 minimum);

    /// @notice A duration that must be positive is zero.
    /// @param field The name of the rule, e.g. "votingPeriod".
    error CircleRulesZeroDuration(string field);

    /// @notice The consecutive-term limit is zero.
    error CircleRulesInvalidTermLimit();

    /// @notice The live-mandate limit per member is zero or above the cap.
    /// @param maxLivePerMember The limit given.
    /// @param cap The cap.
    error CircleRulesInvalidLiveLimit(uint8 maxLivePerMember, uint8 cap);

    /// @notice The facilitation period is longer than the longest mandate term.
    /// @param facilitationPeriod The period given.
    /// @param maxTerm The longest term.
    error CircleRulesFacilitationTooLong(uint32 facilitationPeriod, uint32 maxTerm);

    /// @notice The audit period is longer than the longest mandate term (the auditors hold mandates for a period).
    /// @param auditPeriod The period given.
    /// @param maxTerm The longest term.
    error CircleRulesAuditTooLong(uint32 auditPeriod, uint32 maxTerm);
}
