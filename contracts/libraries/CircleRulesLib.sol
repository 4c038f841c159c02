// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CircleRules, ICircleRules, MandateRules} from "../interfaces/ICircleRules.sol";

/// @title CircleRulesLib
/// @notice Validation and defaults for a circle's rule set.
library CircleRulesLib {
    /// @notice Hard cap on members per circle.
    /// @dev Every loop that walks a circle's members (sortition pools, jubilees, resets) is bounded by this number.
    /// 32 is three times the affinity-circle size of 6-10, which leaves room for a circle to grow while it decides
    /// to split, and keeps the worst of those loops (a jubilee clearing 32 balances, about 32 x 10k gas) far below
    /// a block's gas limit, so no member can ever make a circle's own operations unexecutable by joining.
    uint8 internal constant MEMBER_CAP = 32;

    /// @notice Most live mandates one member may hold at once, whatever a circle's rules say.
    /// @dev Together with {MEMBER_CAP} and {MAX_LIVE_MANDATES} this bounds every loop over mandates.
    uint8 internal constant MAX_LIVE_PER_MEMBER = 4;

    /// @notice Reverts with a named {ICircleRules} error if `rules` is malformed.
    function validate(CircleRules memory rules) internal pure {
        if (rules.minMembers == 0 || rules.minMembers > rules.maxMembers) {
            revert ICircleRules.CircleRulesInvalidSizeBounds(rules.minMembers, rules.maxMembers);
        }
        if (rules.maxMembers > MEMBER_CAP) revert ICircleRules.CircleRulesSizeOverCap(rules.maxMembers, MEMBER_CAP);
        if (rules.quorumPercent == 0 || rules.quorumPercent > 100) {
            revert ICircleRules.CircleRulesInvalidQuorum(rules.quorumPercent);
        }
        // A threshold above the maximum size could never be met: the reset would silently not exist.
        if (rules.resetThreshold < 3 || rules.resetThreshold > rules.maxMembers) {
            revert ICircleRules.CircleRulesInvalidResetThreshold(rules.resetThreshold, rules.maxMembers);
        }
        if (rules.votingPeriod == 0) revert ICircleRules.CircleRulesZeroDuration("votingPeriod");
        if (rules.executionWindow == 0) revert ICircleRules.CircleRulesZeroDuration("executionWindow");
        if (rules.resetWindow == 0) revert ICircleRules.CircleRulesZeroDuration("resetWindow");
        if (rules.temperaturePeriod == 0) revert ICircleRules.CircleRulesZeroDuration("temperaturePeriod");
        if (rules.charterTerm == 0) revert ICircleRules.CircleRulesZeroDuration("charterTerm");
        uint256 minimum = minResetCooldown(rules);
        if (rules.resetCooldown < minimum) {
            revert ICircleRules.CircleRulesResetCooldownTooShort(rules.resetCooldown, minimum);
        }
    }

    /// @notice The shortest reset cooldown `rules` allow: `(k + 1) * D`, where `D = votingDelay + votingPeriod` is
    /// the time from a proposal to its execution, and `k = floor(m / resetThreshold)` is how many disjoint signer
    /// groups the largest strict minority `m = floor((maxMembers - 1) / 2)` holds (zero when `k` is zero: no
    /// minority can reset alone).
    /// @dev Why: each reset puts its signers in cooldown, so within one cooldown a minority can reset at most `k`
    /// times, each time cancelling the majority's re-proposal at most once, just before execution. Its first
    /// group is free again only `C` after its reset, i.e. at least `C - k * D` after the `k`-th cancellation; with
    /// `C = (k + 1) * D` that leaves a full `D` for the majority to re-propose, pass and execute.
    function minResetCooldown(CircleRules memory rules) internal pure returns (uint256) {
        uint256 groups = (uint256(rules.maxMembers) - 1) / 2 / rules.resetThreshold;
        if (groups == 0) return 0;
        return (groups + 1) * (uint256(rules.votingDelay) + rules.votingPeriod);
    }

    /// @notice Reverts with a named {ICircleRules} error if the mandate rules are malformed.
    function validate(MandateRules memory rules) internal pure {
        if (rules.maxTerm == 0) revert ICircleRules.CircleRulesZeroDuration("maxTerm");
        if (rules.termLimit == 0) revert ICircleRules.CircleRulesInvalidTermLimit();
        if (rules.maxLivePerMember == 0 || rules.maxLivePerMember > MAX_LIVE_PER_MEMBER) {
            revert ICircleRules.CircleRulesInvalidLiveLimit(rules.maxLivePerMember, MAX_LIVE_PER_MEMBER);
        }
        if (rules.facilitationPeriod > rules.maxTerm) {
            revert ICircleRules.CircleRulesFacilitationTooLong(rules.facilitationPeriod, rules.maxTerm);
        }
        if (rules.auditPeriod > rules.maxTerm) {
            revert ICircleRules.CircleRulesAuditTooLong(rules.auditPeriod, rules.maxTerm);
        }
    }

    /// @notice Mandate defaults: terms of at most 90 days, two consecutive terms of a role then 90 days out, one live
    /// mandate per member, the proposer steps aside, a facilitator drawn by lot every week, a pair-link audit every 90
    /// days and a mentorship inversion every year.
    function defaultMandateRules() internal pure returns (MandateRules memory) {
        return
            MandateRules({
                maxTerm: 90 days,
                termCooldown: 90 days,
                facilitationPeriod: 7 days,
                termLimit: 2,
                maxLivePerMember: 1,
                proposerStepsAside: true,
                auditPeriod: 90 days,
                inversionPeriod: 365 days
            });
    }

    /// @notice The affinity-circle defaults: 6-10 members, majority quorum, a day's notice, a week to vote, a
    /// yearly charter, any three members reset within a day and then wait three weeks before signalling again
    /// (the shortest these rules allow is 16 days), weekly temperature checks, a month's cooldown.
    function defaults() internal pure returns (CircleRules memory) {
        return
            CircleRules({
                minMembers: 6,
                maxMembers: 10,
                quorumPercent: 50,
                resetThreshold: 3,
                votingDelay: 1 days,
                votingPeriod: 7 days,
                executionWindow: 14 days,
                resetWindow: 1 days,
                temperaturePeriod: 7 days,
                dominanceCooldown: 30 days,
                charterTerm: 365 days,
                resetCooldown: 21 days
            });
    }
}
