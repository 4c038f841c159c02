// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The rule set of one circle: size bounds, quorum, decision rhythm, charter term, reset trio and the
/// temperature-check cooldown. It fits in a single storage slot and is what the registry publishes as a template.
/// @dev All durations are in seconds (the circle's ERC-6372 clock is `block.timestamp`).
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

    /// @notice The reset threshold is below 3 or above the maximum circle size.
    /// @param resetThreshold The threshold given.
    error CircleRulesInvalidResetThreshold(uint8 resetThreshold);

    /// @notice A duration that must be positive is zero.
    /// @param field The name of the rule, e.g. "votingPeriod".
    error CircleRulesZeroDuration(string field);
}
