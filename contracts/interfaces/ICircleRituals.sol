// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CircleRules} from "./ICircleRules.sol";

/// @title ICircleRituals
/// @notice The rituals that keep power from pooling in a circle: the power temperature check and the hard reset; and
/// the sovereignty scorecard's on-chain pieces: the dependency reversals members log, and the thresholds the circle
/// decides its scorecards are read against.
/// @dev Readings, reset signals and reversals are public transactions: they are not anonymous, and every member can
/// see who named whom and who logged what. Circles that need secrecy must hold the circuit off-chain and record only
/// the outcome.
interface ICircleRituals {
    /// @notice Aggregates of one decision period's temperature check.
    /// @param readings How many members recorded a reading.
    /// @param heardSum The sum of the 1-5 "how heard did you feel" readings.
    struct TemperatureAggregate {
        uint16 readings;
        uint16 heardSum;
    }

    /// @notice The thresholds a circle's sovereignty scorecards are read against: past a maximum, or short of a
    /// minimum, the scorecard raises a drift alert. Shares and rates are in basis points (1 to 10,000 = 100%).
    /// While the circle never set them, {scorecardThresholds} returns the defaults 5000, 5000, 5000, 300, 5000.
    /// @param maxTopMandateShareBps Most of a period's mandate-time one member may hold (rotation), e.g. 5000 = half.
    /// @param maxTopProposerShareBps Most of a period's proposals one member may make (voice).
    /// @param minParticipationBps Least share of the electorate voting on a period's closed votes, on average (voice).
    /// @param minHeardAverageCenti Least average temperature reading, times 100 on the 1-5 scale: 100 to 500.
    /// @param maxOneSidedPairShareBps Most of a period's trading pairs that may pay one way only (reciprocity).
    struct ScorecardThresholds {
        uint16 maxTopMandateShareBps;
        uint16 maxTopProposerShareBps;
        uint16 minParticipationBps;
        uint16 minHeardAverageCenti;
        uint16 maxOneSidedPairShareBps;
    }

    /// @notice One pair of a mentorship inversion: a newer member mentors a more senior one.
    /// @param mentor The newer member.
    /// @param mentee The more senior member.
    struct MentorshipPair {
        address mentor;
        address mentee;
    }

    /// @notice A member recorded how heard they felt in a decision period, and optionally who dominated.
    /// @param period The decision period the reading is about.
    /// @param member The member recording.
    /// @param heard The reading, 1 (not heard at all) to 5 (fully heard).
    /// @param dominant The member whose voice dominated, or the zero address for nobody.
    event TemperatureRecorded(uint256 indexed period, address indexed member, uint8 heard, address indexed dominant);

    /// @notice A majority named `member` dominant in `period`: they sit out of roles until `until`.
    /// @param member The member cooled down.
    /// @param period The decision period in which the majority formed.
    /// @param until When the cooldown ends.
    event MemberCooledDown(address indexed member, uint256 indexed period, uint64 until);

    /// @notice A member signalled for a hard reset.
    /// @param round The reset round.
    /// @param member The member signalling.
    /// @param signals Signals in this round so far, including this one.
    /// @param roundEndsAt When the round closes if the threshold is not met.
    event ResetSignalled(uint256 indexed round, address indexed member, uint256 signals, uint64 roundEndsAt);

    /// @notice `member`'s signal completed a hard reset: they may not signal again until `until`.
    /// @param member The member.
    /// @param until When their reset cooldown ends.
    event ResetCooldownStarted(address indexed member, uint64 until);

    /// @notice The circle changed the rules of its rituals.
    /// @param resetThreshold Distinct members needed for a hard reset.
    /// @param resetWindow How long a reset round stays open.
    /// @param temperaturePeriod Length of one decision period.
    /// @param dominanceCooldown How long a member named dominant sits out.
    event RitualRulesSet(uint8 resetThreshold, uint32 resetWindow, uint32 temperaturePeriod, uint32 dominanceCooldown);

    /// @notice A member logged a dependency reversal: something the circle did for itself that it used to buy or hand
    /// to an outside authority.
    /// @param period The temperature period running when it was logged ({currentPeriod}).
    /// @param member The member logging.
    /// @param kind 0 Tool (a borrowed or lent tool instead of a purchase), 1 Meal (a shared meal instead of a bought
    /// one), 2 Dispute (settled inside, no outside authority), 3 Care (care or work exchanged instead of bought),
    /// 4 Other.
    /// @param memo What happened, in the member's words (1 to {MAX_REVERSAL_MEMO_BYTES} bytes).
    event DependencyReversalLogged(uint256 indexed period, address indexed member, uint8 indexed kind, string memo);

    /// @notice The circle decided the thresholds its scorecards are read against.
    /// @param thresholds The new thresholds.
    event ScorecardThresholdsSet(ScorecardThresholds thresholds);

    /// @notice A mentorship inversion was requested: its randomness (for ties in admission time) is fixed now.
    /// @param number The inversion's number (the first is 1).
    /// @param ticket The randomness source's ticket.
    event InversionRequested(uint256 indexed number, uint256 ticket);

    /// @notice A pending inversion's ticket went stale and was replaced.
    /// @param number The inversion's number.
    /// @param ticket The new ticket.
    event InversionRerequested(uint256 indexed number, uint256 ticket);

    /// @notice One pair of a completed inversion: `mentor` (among the newest) mentors `mentee` (among the most senior)
    /// until the next inversion.
    /// @param number The inversion's number.
    /// @param mentor The newer member.
    /// @param mentee The more senior member.
    event MentorshipPaired(uint256 indexed number, address indexed mentor, address indexed mentee);

    /// @notice An inversion completed: its pairs are the {MentorshipPaired} events before this one.
    /// @param number The inversion's number.
    /// @param pairs How many pairs were made (half the members, rounded down).
    /// @param unpaired The median member, left unpaired when the count is odd; the zero address otherwise.
    /// @param randomness The revealed randomness that broke ties in admission time.
    event InversionCompleted(uint256 indexed number, uint256 pairs, address unpaired, uint256 randomness);

    /// @notice A role module was registered.
    /// @param module The module.
    event RoleModuleAdded(address indexed module);

    /// @notice A role module was unregistered.
    /// @param module The module.
    event RoleModuleRemoved(address indexed module);

    /// @notice A role module's hook reverted or ran out of its gas stipend; the circle carried on regardless.
    /// @param module The module.
    /// @param selector The hook that failed.
    /// @param reason The revert data.
    event RoleModuleHookFailed(address indexed module, bytes4 selector, bytes reason);

    /// @notice The module is already registered.
    /// @param module The module.
    error CircleRoleModuleAlreadyAdded(address module);

    /// @notice The module is not registered.
    /// @param module The module.
    error CircleRoleModuleNotFound(address module);

    /// @notice The circle already has the maximum number of role modules.
    /// @param cap The maximum.
    error CircleRoleModulesFull(uint256 cap);

    /// @notice The transaction's gas could not give every role module its full hook stipend.
    /// @param needed Gas needed.
    /// @param available Gas left.
    error CircleInsufficientGasForHooks(uint256 needed, uint256 available);

    /// @notice The caller is not the circle these rituals belong to.
    /// @param caller The caller.
    error CircleRitualsOnlyCircle(address caller);

    /// @notice The caller is not a member of the circle.
    /// @param account The caller.
    error CircleRitualsNotMember(address account);

    /// @notice The reading is outside 1-5.
    /// @param heard The reading given.
    error CircleRitualsInvalidReading(uint8 heard);

    /// @notice The member named dominant is not a member of the circle.
    /// @param dominant The account named.
    error CircleRitualsDominantNotMember(address dominant);

    /// @notice The member already recorded a reading for this period.
    /// @param period The decision period.
    /// @param member The member.
    error CircleRitualsAlreadyRecorded(uint256 period, address member);

    /// @notice No decision period has ended yet, so there is nothing to take the temperature of.
    error CircleRitualsNoPeriodEnded();

    /// @notice The member already signalled in the current reset round.
    /// @param round The reset round.
    /// @param member The member.
    error CircleRitualsAlreadySignalled(uint256 round, address member);

    /// @notice The member signalled a hard reset that succeeded and is in their reset cooldown, so that a minority
    /// cannot cancel the majority's decisions over and over.
    /// @param member The member.
    /// @param endsAt When their cooldown ends.
    error CircleRitualsResetCooldown(address member, uint64 endsAt);

    /// @notice The proposer already has the most open proposals one member may have at once.
    /// @param proposer The proposer.
    /// @param cap The most open proposals per proposer.
    error CircleRitualsTooManyOpenProposals(address proposer, uint256 cap);

    /// @notice The circle already has the most open proposals it may have at once.
    /// @param cap The most open proposals per circle.
    error CircleRitualsOpenProposalsFull(uint256 cap);

    /// @notice The reversal kind is not one of 0 Tool, 1 Meal, 2 Dispute, 3 Care, 4 Other.
    /// @param kind The kind given.
    error CircleRitualsInvalidReversalKind(uint8 kind);

    /// @notice A reversal's memo is empty or longer than {MAX_REVERSAL_MEMO_BYTES}.
    /// @param length The memo's length in bytes.
    /// @param max The most bytes a memo may have.
    error CircleRitualsReversalMemoLength(uint256 length, uint256 max);

    /// @notice The member already logged the most reversals one member may log in a temperature period.
    /// @param member The member.
    /// @param period The temperature period running.
    /// @param cap The most reversals per member per period.
    error CircleRitualsTooManyReversals(address member, uint256 period, uint256 cap);

    /// @notice A scorecard threshold is out of its range: the basis-point fields 1 to 10,000, the heard average 100 to
    /// 500.
    /// @param field The field, by its position in {ScorecardThresholds}: 0 maxTopMandateShareBps,
    /// 1 maxTopProposerShareBps, 2 minParticipationBps, 3 minHeardAverageCenti, 4 maxOneSidedPairShareBps.
    /// @param value The value given.
    error CircleRitualsInvalidThreshold(uint8 field, uint16 value);

    /// @notice The circle's mandate rules say no inversions (`inversionPeriod` is 0).
    error CircleRitualsInversionsOff();

    /// @notice The next inversion is not due yet.
    /// @param dueAt When it is due.
    error CircleRitualsInversionNotDue(uint64 dueAt);

    /// @notice An inversion is already pending: complete it (or re-request it once its ticket is stale).
    /// @param number The pending inversion.
    error CircleRitualsInversionPending(uint256 number);

    /// @notice No inversion is pending.
    error CircleRitualsNoInversionPending();

    /// @notice The pending inversion's ticket can still be revealed, so it cannot be re-requested.
    /// @param number The pending inversion.
    error CircleRitualsInversionNotStale(uint256 number);

    /// @notice Sets up the rituals of a new circle. Called once by the registry on the clone.
    /// @param circle The circle (governor).
    /// @param membership The circle's membership token.
    /// @param resetThreshold Distinct members needed for a hard reset.
    /// @param resetWindow How long a reset round stays open.
    /// @param temperaturePeriod Length of one decision period.
    /// @param dominanceCooldown How long a member named dominant sits out.
    function initialize(
        address circle,
        address membership,
        uint8 resetThreshold,
        uint32 resetWindow,
        uint32 temperaturePeriod,
        uint32 dominanceCooldown
    ) external;

    /// @notice Validates the circle's new rules and sets the rules of the rituals. Only the circle, when its rules
    /// change; a malformed rule set reverts the whole change with the {ICircleRules} error of the rule that failed.
    /// A new temperature period ends the running period now (period numbers carry on); a new reset threshold applies
    /// from the next signal; a new reset cooldown applies to the next successful reset.
    /// @param rules The circle's new rules.
    function setRules(CircleRules calldata rules) external;

    /// @notice Records how heard the caller felt in the decision period that just ended, and optionally names the
    /// member whose voice dominated it. One reading per member per period; accepted during the next period.
    /// @param heard 1 (not heard at all) to 5 (fully heard).
    /// @param dominant The member who dominated, or the zero address for nobody.
    function recordTemperature(uint8 heard, address dominant) external;

    /// @notice Logs a dependency reversal the caller took part in. Current members only; at most
    /// {MAX_REVERSALS_PER_MEMBER_PER_PERIOD} per member per temperature period ({currentPeriod}), counted per address.
    /// @param kind 0 Tool, 1 Meal, 2 Dispute, 3 Care, 4 Other (see {DependencyReversalLogged}).
    /// @param memo What happened, 1 to {MAX_REVERSAL_MEMO_BYTES} bytes.
    function logDependencyReversal(uint8 kind, string calldata memo) external;

    /// @notice Sets the thresholds the circle's scorecards are read against. Only the circle, by a decision (a
    /// proposal calling the rituals). Refuses a field out of its range ({CircleRitualsInvalidThreshold}).
    /// @param thresholds The new thresholds.
    function setScorecardThresholds(ScorecardThresholds calldata thresholds) external;

    /// @notice Signals for a hard reset. When `resetThreshold` distinct members have signalled within the reset
    /// window, the circle is reset in the same transaction: every open proposal is cancelled (each reported by a
    /// `ProposalCanceled` event), every role module is told to dissolve its roles, and each signer enters a reset
    /// cooldown of the circle's `resetCooldown`. Refused to a member in their reset cooldown.
    function signalReset() external;

    /// @notice Registers a role module that is told of resets and departures. Only by the circle's decision (a
    /// proposal calling the rituals).
    /// @param module The module.
    function addRoleModule(address module) external;

    /// @notice Unregisters a role module. Only by the circle's decision.
    /// @param module The module.
    function removeRoleModule(address module) external;

    /// @notice Calls every role module's hook through the circle ({ICircle-callRoleModule}), each with a fixed gas
    /// stipend; a failing hook is logged ({RoleModuleHookFailed}) and skipped. Only the circle, on a reset or a
    /// departure. Refuses to start without gas for every stipend.
    /// @param data The hook call (`onCircleReset` or `onMemberLeft`).
    function notifyRoleModules(bytes calldata data) external;

    /// @notice Requests the next mentorship inversion and fixes its randomness. Anyone, once it is due: one
    /// `inversionPeriod` (a mandate rule) after the founding, then one after the previous inversion's request; never
    /// while one is pending. Refused while the rule is 0 ({CircleRitualsInversionsOff}).
    /// @return number The inversion's number.
    function requestInversion() external returns (uint256 number);

    /// @notice Completes the pending inversion once its randomness is revealed. Anyone: the outcome is fixed by the
    /// members then and the randomness fixed at request. Orders the current members newest first by admission time
    /// (ties by lot), pairs the i-th newest (mentor) with the i-th most senior (mentee) for i below half the count;
    /// with an odd count the median member is unpaired. The pairs replace the previous inversion's.
    /// @param proof The randomness source's proof (for the default source, the target block's RLP header).
    function completeInversion(bytes calldata proof) external;

    /// @notice Gives the pending inversion a fresh ticket once its ticket can no longer be revealed. Anyone. The
    /// schedule stays: the next inversion is still due one period after the first request.
    function rerequestInversion() external;

    /// @notice The current mentorship pairs, of the last completed inversion, without any pair one of whose members
    /// left since (or left and was re-admitted): their partner is unpaired until the next inversion, like a member
    /// admitted since.
    /// @return number The completed inversion the pairs are from (0: none yet).
    /// @return pairs The pairs still standing, newest mentor first.
    function mentorshipPairs() external view returns (uint256 number, MentorshipPair[] memory pairs);

    /// @notice The state of the inversion ritual.
    /// @return requested How many inversions were requested (the latest's number).
    /// @return completed The last completed inversion's number (below `requested` while one is pending).
    /// @return source The randomness source of the latest request's ticket (zero before the first request).
    /// @return ticket The latest request's ticket (to reveal while one is pending).
    /// @return dueAt When the next inversion may be requested (0 when inversions are off).
    /// @return completedAt When the last inversion completed (0: never).
    function inversion()
        external
        view
        returns (
            uint256 requested,
            uint256 completed,
            address source,
            uint256 ticket,
            uint64 dueAt,
            uint64 completedAt
        );

    /// @notice The registered role modules.
    function roleModules() external view returns (address[] memory);

    /// @notice Most role modules a circle can register; bounds the hook loop.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_ROLE_MODULES() external view returns (uint256);

    /// @notice Counts a new proposal among the circle's open proposals, which a reset reports as cancelled. Only the
    /// circle, when a proposal is made. Refuses a proposer who already has {MAX_OPEN_PER_PROPOSER} open proposals
    /// and a circle that has {MAX_OPEN_PROPOSALS}; finished proposals (executed, defeated, expired, cancelled) are
    /// dropped from the count first.
    /// @param proposalId The new proposal.
    /// @param proposer Who made it.
    function proposalMade(uint256 proposalId, address proposer) external;

    /// @notice Returns the proposals still open (pending, active or succeeded) and empties the list. Only the circle,
    /// when it resets or dissolves, to emit `ProposalCanceled` for each.
    /// @return open The open proposals, at most {MAX_OPEN_PROPOSALS}.
    function takeOpenProposals() external returns (uint256[] memory open);

    /// @notice Most open proposals one proposer may have at once.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_OPEN_PER_PROPOSER() external view returns (uint256);

    /// @notice Most open proposals a circle may have at once: {MAX_OPEN_PER_PROPOSER} times the member cap.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_OPEN_PROPOSALS() external view returns (uint256);

    /// @notice The proposals counted as open now (some may have finished since; they are dropped at the next
    /// proposal that needs room, or at a reset).
    function openProposals() external view returns (uint256[] memory);

    /// @notice Most bytes a reversal's memo may have: 280.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_REVERSAL_MEMO_BYTES() external view returns (uint256);

    /// @notice Most reversals one member may log in one temperature period: 16.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_REVERSALS_PER_MEMBER_PER_PERIOD() external view returns (uint256);

    /// @notice How many reversals `member` logged in temperature period `period`.
    /// @param period The temperature period.
    /// @param member The member.
    function reversalsLogged(uint256 period, address member) external view returns (uint256);

    /// @notice The thresholds the circle's scorecards are read against: the circle's decision, or while it never made
    /// one the defaults (maxTopMandateShareBps 5000, maxTopProposerShareBps 5000, minParticipationBps 5000,
    /// minHeardAverageCenti 300, maxOneSidedPairShareBps 5000).
    function scorecardThresholds() external view returns (ScorecardThresholds memory);

    /// @notice When `member`'s reset cooldown ends (0 if they never completed a reset). Until then they cannot
    /// signal for a hard reset. Per address: leaving and rejoining does not end it.
    /// @param member The member.
    function resetCooldownEndsAt(address member) external view returns (uint64);

    /// @notice The circle these rituals belong to.
    function circle() external view returns (address);

    /// @notice The decision period now running; readings are taken for the one before it.
    function currentPeriod() external view returns (uint256);

    /// @notice The aggregates of a decision period's temperature check.
    /// @param period The decision period.
    function temperature(uint256 period) external view returns (TemperatureAggregate memory);

    /// @notice How many current members named `member` dominant in `period` (namings by members who have left since
    /// do not count).
    /// @param period The decision period.
    /// @param member The member.
    function timesNamedDominant(uint256 period, address member) external view returns (uint256);

    /// @notice When `member`'s dominance cooldown ends (0 if they never had one).
    /// @param member The member.
    function cooldownEndsAt(address member) external view returns (uint64);

    /// @notice Whether `member` is in a dominance cooldown now, and so cannot be given a role.
    /// @param member The member.
    function isCooledDown(address member) external view returns (bool);

    /// @notice The current reset round, how many have signalled in it and when it closes.
    function resetRound() external view returns (uint256 round, uint256 signals, uint64 endsAt);
}
