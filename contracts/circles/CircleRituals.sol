// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {ICircleRituals} from "../interfaces/ICircleRituals.sol";
import {CircleRules} from "../interfaces/ICircleRules.sol";
import {IMandates} from "../interfaces/IMandates.sol";
import {IRandomnessSource} from "../interfaces/IRandomnessSource.sol";
import {CircleRulesLib} from "../libraries/CircleRulesLib.sol";
import {Mentorship} from "../libraries/Mentorship.sol";
import {Signals} from "../libraries/Signals.sol";

/// @title CircleRituals
/// @notice The circle's rituals against hierarchy. The power temperature check: after each decision period every
/// member may say how heard they felt and name the member whose voice dominated; whoever a majority names sits
/// out of roles for a cooldown. The hard reset: when `resetThreshold` distinct members signal within the reset
/// window, the circle cancels every open proposal and dissolves every role at once; each signer then waits out a
/// reset cooldown. The rituals also validate the circle's rule set and keep the list of open proposals a reset
/// reports as cancelled. And the sovereignty scorecard's on-chain pieces: members log the dependencies they reversed
/// (a borrowed tool instead of a purchase, a dispute settled inside), and the circle decides the thresholds its
/// scorecards (computed from the indexed ledger) are read against. And the mentorship inversion: at most once per
/// `inversionPeriod` (a mandate rule) the newest members become mentors of the most senior ones.
///
/// @dev Security reasoning:
/// - Only current members record or signal, once each per period or round; a member cannot be named dominant
///   twice by the same person in a period, so a majority means a majority of distinct members.
/// - The dominance majority counts only the namings of members who are still members, against the member count
///   at the moment of each naming: namings by members who have left are dropped at the next naming, which also
///   keeps each list of namers below the member cap. The cooldown starts once, the moment the majority forms, and a
///   later naming in the same period does not extend it.
/// - A reset round opens with its first signal and closes `resetWindow` later or when it succeeds. Only the signals
///   of current members count: those of members who left are dropped at the next signal, which also keeps a
///   round's signers below the member cap, so every loop here and the list passed to the circle are bounded.
/// - A reset can never become a standing veto: every signer of a successful reset waits `resetCooldown` (per
///   address, kept across leaving and rejoining) before signalling again, and the rules refuse a cooldown shorter
///   than {CircleRulesLib-minResetCooldown}. A minority of `m` with threshold `t` holds `floor(m / t)` disjoint
///   signer groups, so within one cooldown it can cancel a decision at most `floor(m / t)` times, each costing the
///   majority one proposal round (`votingDelay + votingPeriod`); the cooldown is longer than all of them together.
///   The reset itself stays O(1) in proposals for the circle's state (an epoch bump).
/// - Open proposals (for the `ProposalCanceled` events of a reset) are bounded: at most {MAX_OPEN_PER_PROPOSER}
///   per proposer, so a minority can never fill the circle's bound of {MAX_OPEN_PROPOSALS} (that per-proposer
///   bound times the member cap) and block the majority's proposals; finished proposals are dropped whenever a
///   bound would refuse. A reset thus emits at most {MAX_OPEN_PROPOSALS} events.
/// - Only current members log dependency reversals (a member who left is refused like an outsider). Each member may
///   log at most {MAX_REVERSALS_PER_MEMBER_PER_PERIOD} per temperature period, counted per address and period
///   number, so one member cannot inflate the circle's count without bound: a period's count is at most the cap times
///   the member cap. Every log names its member (the event's indexed `member`), so a scorecard shows who logged
///   what, and a count carried by one member shows as exactly that. Memos are capped at {MAX_REVERSAL_MEMO_BYTES}
///   bytes and only emitted, never stored; the stored state per log is one counter.
/// - Scorecard thresholds are set only by the circle itself ({onlyCircle}): a proposal that passed the circle's
///   vote, so neither an outsider nor a member acting alone nor a minority can move them. Each setting is an event
///   on the ledger, and each field is range-checked (shares 1 to 10,000 bps, the heard average 100 to 500), so a
///   decision cannot switch an alert off with a zero or an impossible value. Thresholds only inform scorecards:
///   nothing on-chain acts on them.
/// - Mentorship inversion: anyone may request one, but only once it is due (one `inversionPeriod` after the
///   founding, then one after the previous request) and never while one is pending, so nobody can run it more often
///   than once a period; with the rule at 0 it is refused. The request fixes a future randomness ticket of the same
///   source as the draws (the mandates' `randomnessSource`, kept with the ticket so a later change of source cannot
///   touch it). Anyone may complete it once the ticket is revealed: the randomness is the same for every caller and
///   only breaks ties in admission time, and the members paired are the members admitted before the request's second
///   who are still members, so the completer chooses nothing, and a member admitted after the request waits for the
///   next inversion. What is left to timing: a departure (or an already-decided removal) that lands before the
///   completion drops that member from the pairing. The order is a total order on (admission time, lot, address), so
///   it does not depend on the order {ICircleMembership-members} returns ({Mentorship-sortNewestFirst}). Mentor i is
///   the i-th newest, mentee i the i-th most senior, for i below floor(n / 2): the two indices never meet, so no one
///   mentors themselves; with an odd count the median member is unpaired (in {InversionCompleted}). A minority or an
///   outsider can only pay gas for a request or completion that anyone else could make. Pairs are no role and no
///   power: a hard reset leaves them and a pending inversion alone; they change only at the next inversion, and the
///   view {mentorshipPairs} drops a pair one of whose members left since. Every loop is over at most the member cap
///   (32) members: n admission-time reads, 496 comparisons, n stored addresses.
/// - Nothing here is anonymous: a public chain shows who recorded what and who named whom.
contract CircleRituals is Initializable, ICircleRituals {
    /// @inheritdoc ICircleRituals
    uint256 public constant MAX_ROLE_MODULES = 8;

    /// @notice Gas each role-module hook may use (about: the circle's forwarding takes a little of it). Hooks must be
    /// constant-cost (bump an epoch, move one balance).
    uint256 public constant HOOK_GAS = 200_000;

    /// @dev Gas reserved per hook for the call through the circle and the failure event, on top of the stipend.
    uint256 private constant HOOK_OVERHEAD = 15_000;

    /// @inheritdoc ICircleRituals
    /// @dev Sixteen: room for a member's decisions under way, including succeeded ones whose execution failed and
    /// that stay open until their execution window ends, while a minority's share of the circle's bound stays a
    /// minority's share.
    uint256 public constant MAX_OPEN_PER_PROPOSER = 16;

    /// @inheritdoc ICircleRituals
    uint256 public constant MAX_OPEN_PROPOSALS = MAX_OPEN_PER_PROPOSER * CircleRulesLib.MEMBER_CAP;

    /// @inheritdoc ICircleRituals
    /// @dev A short message's length: enough to say what was shared, small enough that logging stays cheap.
    uint256 public constant MAX_REVERSAL_MEMO_BYTES = 280;

    /// @inheritdoc ICircleRituals
    /// @dev Sixteen: a busy member's week of borrowed tools and shared meals, while one member alone can add at most
    /// sixteen to a period's count.
    uint256 public constant MAX_REVERSALS_PER_MEMBER_PER_PERIOD = 16;

    /// @dev Reversal kinds are 0 Tool, 1 Meal, 2 Dispute, 3 Care, 4 Other.
    uint8 private constant REVERSAL_KINDS = 5;

    /// @dev The scorecard thresholds while the circle never set them (see {ICircleRituals-ScorecardThresholds}).
    uint16 private constant DEFAULT_MAX_TOP_MANDATE_SHARE_BPS = 5000;
    uint16 private constant DEFAULT_MAX_TOP_PROPOSER_SHARE_BPS = 5000;
    uint16 private constant DEFAULT_MIN_PARTICIPATION_BPS = 5000;
    uint16 private constant DEFAULT_MIN_HEARD_AVERAGE_CENTI = 300;
    uint16 private constant DEFAULT_MAX_ONE_SIDED_PAIR_SHARE_BPS = 5000;

    /// @dev A proposer's open proposals in the book's generation `generation` (0 in any other generation).
    struct OpenTally {
        uint64 generation;
        uint16 count;
    }

    /// @custom:storage-location erc7201:commonweal.storage.CircleRituals
    struct RitualsStorage {
        address circle;
        // The open-proposal book's count and generation beside the circle's address, which every call from the circle
        // reads (and which is written at initialisation): counting a proposal reads no other slot of this struct and
        // costs a warm write, not a fresh slot.
        // At most MAX_OPEN_PROPOSALS (512).
        uint16 openCount;
        // Bumped when a reset empties the book: every proposer's open count from an earlier generation reads as 0.
        uint64 openGeneration;
        ICircleMembership membership;
        uint8 resetThreshold;
        uint32 resetWindow;
        uint32 temperaturePeriod;
        uint32 dominanceCooldown;
        uint64 periodsStart;
        uint64 periodOffset;
        uint64 resetRoundEndsAt;
        uint256 resetRound;
        mapping(uint256 round => address[]) resetSigners;
        mapping(uint256 round => mapping(address member => bool)) signalled;
        mapping(uint256 period => TemperatureAggregate) temperatures;
        mapping(uint256 period => mapping(address member => bool)) recorded;
        mapping(uint256 period => mapping(address named => address[])) namers;
        mapping(uint256 period => mapping(address named => mapping(address namer => bool))) hasNamed;
        mapping(uint256 period => mapping(address member => bool)) cooledInPeriod;
        mapping(address member => uint64) cooldownEndsAt;
        mapping(address member => uint64) resetCooldownEndsAt;
        mapping(uint256 index => uint256 proposalId) openIds;
        // The generation beside the count: after a reset the proposer's next proposal rewrites this slot.
        mapping(address proposer => OpenTally) openBy;
        address[] roleModules;
        mapping(uint256 period => mapping(address member => uint256)) reversalsLogged;
        // All zero while never set: every valid threshold is at least 1, so zero reads as "the defaults".
        ScorecardThresholds scorecardThresholds;
        // The mentorship inversion. Its randomness source (kept with the ticket), the latest request's time and number.
        IRandomnessSource inversionSource;
        uint64 inversionRequestedAt;
        uint32 inversionsRequested;
        // The last completed inversion: its number, when it completed, and the second it was requested in (members
        // admitted since then, or re-admitted, are not part of its pairs).
        uint32 inversionsCompleted;
        uint64 inversionCompletedAt;
        uint64 pairsRequestedAt;
        uint256 inversionTicket;
        // The last completed inversion's members, newest first: entry i mentors entry length - 1 - i.
        address[] inversionOrder;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.CircleRituals")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant RITUALS_STORAGE = 0x3268878529f6eff2da4e03d2bec3de6ea4727d08926fc64a55b90bcb1b27a600;

    modifier onlyCircle() {
        _checkCircle();
        _;
    }

    modifier onlyMember() {
        _checkMember(msg.sender);
        _;
    }

    /// @dev The implementation is only ever used through clones.
    constructor() {
        _disableInitializers();
    }

    /// @inheritdoc ICircleRituals
    function initialize(
        address circle_,
        address membership_,
        uint8 resetThreshold_,
        uint32 resetWindow_,
        uint32 temperaturePeriod_,
        uint32 dominanceCooldown_
    ) external initializer {
        RitualsStorage storage $ = _ritualsStorage();
        $.circle = circle_;
        $.membership = ICircleMembership(membership_);
        $.resetThreshold = resetThreshold_;
        $.resetWindow = resetWindow_;
        $.temperaturePeriod = temperaturePeriod_;
        $.dominanceCooldown = dominanceCooldown_;
        $.periodsStart = uint64(block.timestamp);
    }

    /// @inheritdoc ICircleRituals
    /// @dev The whole rule set is validated here rather than in the circle, to keep the governor's code small. The
    /// circle keeps the rule set; the rituals copy the rules they read on every signal or reading.
    function setRules(CircleRules calldata rules) external onlyCircle {
        CircleRulesLib.validate(rules);
        RitualsStorage storage $ = _ritualsStorage();
        if (rules.temperaturePeriod != $.temperaturePeriod) {
            // The running period ends now and the next one starts at once, so period numbers carry on.
            $.periodOffset = uint64(currentPeriod() + 1);
            $.periodsStart = uint64(block.timestamp);
        }
        $.resetThreshold = rules.resetThreshold;
        $.resetWindow = rules.resetWindow;
        $.temperaturePeriod = rules.temperaturePeriod;
        $.dominanceCooldown = rules.dominanceCooldown;
        emit RitualRulesSet(rules.resetThreshold, rules.resetWindow, rules.temperaturePeriod, rules.dominanceCooldown);
    }

    // ------------------------------------------------------------------
    // Power temperature check
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRituals
    function recordTemperature(uint8 heard, address dominant) external onlyMember {
        if (heard < 1 || heard > 5) revert CircleRitualsInvalidReading(heard);
        RitualsStorage storage $ = _ritualsStorage();
        uint256 running = currentPeriod();
        if (running == 0) revert CircleRitualsNoPeriodEnded();
        uint256 period = running - 1;
        if ($.recorded[period][msg.sender]) revert CircleRitualsAlreadyRecorded(period, msg.sender);
        if (dominant != address(0) && !$.membership.isMember(dominant)) revert CircleRitualsDominantNotMember(dominant);

        $.recorded[period][msg.sender] = true;
        TemperatureAggregate storage aggregate = $.temperatures[period];
        aggregate.readings += 1;
        aggregate.heardSum += heard;
        emit TemperatureRecorded(period, msg.sender, heard, dominant);

        if (dominant == address(0)) return;
        // Only current members' namings count: those of members who left are dropped here.
        uint256 named = Signals.record(
            $.namers[period][dominant],
            $.hasNamed[period][dominant],
            $.membership,
            msg.sender
        );
        if (named * 2 > $.membership.memberCount() && !$.cooledInPeriod[period][dominant]) {
            $.cooledInPeriod[period][dominant] = true;
            uint64 until = uint64(block.timestamp) + $.dominanceCooldown;
            $.cooldownEndsAt[dominant] = until;
            emit MemberCooledDown(dominant, period, until);
        }
    }

    // ------------------------------------------------------------------
    // Hard reset
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRituals
    function signalReset() external onlyMember {
        RitualsStorage storage $ = _ritualsStorage();
        uint64 cooldownEnd = $.resetCooldownEndsAt[msg.sender];
        if (block.timestamp < cooldownEnd) revert CircleRitualsResetCooldown(msg.sender, cooldownEnd);
        if (block.timestamp >= $.resetRoundEndsAt) {
            $.resetRound += 1;
            $.resetRoundEndsAt = uint64(block.timestamp) + $.resetWindow;
        }
        uint256 round = $.resetRound;
        if ($.signalled[round][msg.sender]) revert CircleRitualsAlreadySignalled(round, msg.sender);
        address[] storage signers = $.resetSigners[round];
        uint256 signals = Signals.record(signers, $.signalled[round], $.membership, msg.sender);
        emit ResetSignalled(round, msg.sender, signals, $.resetRoundEndsAt);

        if (signals >= $.resetThreshold) {
            // Close the round first: the next signal opens a fresh one.
            $.resetRoundEndsAt = uint64(block.timestamp);
            // Every signer waits out the cooldown (the list holds current members only, so at most the member cap).
            // The cooldown is read from the circle, which keeps the whole rule set (read only on a successful reset).
            uint64 until = uint64(block.timestamp) + ICircle($.circle).rules().resetCooldown;
            for (uint256 i = 0; i < signals; ++i) {
                $.resetCooldownEndsAt[signers[i]] = until;
                emit ResetCooldownStarted(signers[i], until);
            }
            ICircle($.circle).hardReset(signers);
        }
    }

    // ------------------------------------------------------------------
    // Sovereignty scorecard: dependency reversals and thresholds
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRituals
    function logDependencyReversal(uint8 kind, string calldata memo) external onlyMember {
        if (kind >= REVERSAL_KINDS) revert CircleRitualsInvalidReversalKind(kind);
        uint256 length = bytes(memo).length;
        if (length == 0 || length > MAX_REVERSAL_MEMO_BYTES) {
            revert CircleRitualsReversalMemoLength(length, MAX_REVERSAL_MEMO_BYTES);
        }
        uint256 period = currentPeriod();
        mapping(address member => uint256) storage logged = _ritualsStorage().reversalsLogged[period];
        if (logged[msg.sender] == MAX_REVERSALS_PER_MEMBER_PER_PERIOD) {
            revert CircleRitualsTooManyReversals(msg.sender, period, MAX_REVERSALS_PER_MEMBER_PER_PERIOD);
        }
        logged[msg.sender] += 1;
        emit DependencyReversalLogged(period, msg.sender, kind, memo);
    }

    /// @inheritdoc ICircleRituals
    function setScorecardThresholds(ScorecardThresholds calldata thresholds) external onlyCircle {
        _checkThreshold(0, thresholds.maxTopMandateShareBps, 1, 10_000);
        _checkThreshold(1, thresholds.maxTopProposerShareBps, 1, 10_000);
        _checkThreshold(2, thresholds.minParticipationBps, 1, 10_000);
        _checkThreshold(3, thresholds.minHeardAverageCenti, 100, 500);
        _checkThreshold(4, thresholds.maxOneSidedPairShareBps, 1, 10_000);
        _ritualsStorage().scorecardThresholds = thresholds;
        emit ScorecardThresholdsSet(thresholds);
    }

    // ------------------------------------------------------------------
    // Mentorship inversion
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRituals
    function requestInversion() external returns (uint256 number) {
        RitualsStorage storage $ = _ritualsStorage();
        IMandates mandates = IMandates(ICircle($.circle).mandates());
        uint64 dueAt = _inversionDueAt(mandates.rules().inversionPeriod);
        if (dueAt == 0) revert CircleRitualsInversionsOff();
        if ($.inversionsRequested != $.inversionsCompleted) revert CircleRitualsInversionPending($.inversionsRequested);
        if (block.timestamp < dueAt) revert CircleRitualsInversionNotDue(dueAt);
        IRandomnessSource source = IRandomnessSource(mandates.randomnessSource());
        number = ++$.inversionsRequested;
        $.inversionRequestedAt = uint64(block.timestamp);
        $.inversionSource = source;
        uint256 ticket = source.request();
        $.inversionTicket = ticket;
        emit InversionRequested(number, ticket);
    }

    /// @inheritdoc ICircleRituals
    /// @dev At most the member cap (32) members: one admission-time read each, an insertion sort, one stored address
    /// each and an event per pair.
    function completeInversion(bytes calldata proof) external {
        RitualsStorage storage $ = _ritualsStorage();
        uint32 number = $.inversionsRequested;
        if (number == $.inversionsCompleted) revert CircleRitualsNoInversionPending();
        uint256 randomness = $.inversionSource.reveal($.inversionTicket, proof);
        uint64 requestedAt = $.inversionRequestedAt;
        ICircleMembership membership_ = $.membership;
        address[] memory order = membership_.members();
        uint48[] memory admitted = new uint48[](order.length);
        uint256 n = 0;
        // Only members admitted before the request's second: a later admission waits for the next inversion.
        for (uint256 i = 0; i < order.length; ++i) {
            uint48 at = membership_.admittedAt(order[i]);
            if (at < requestedAt) {
                order[n] = order[i];
                admitted[n++] = at;
            }
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(order, n)
            mstore(admitted, n)
        }
        Mentorship.sortNewestFirst(order, admitted, randomness);
        $.inversionsCompleted = number;
        $.inversionCompletedAt = uint64(block.timestamp);
        $.pairsRequestedAt = requestedAt;
        $.inversionOrder = order;
        for (uint256 i = 0; i < n / 2; ++i) emit MentorshipPaired(number, order[i], order[n - 1 - i]);
        emit InversionCompleted(number, n / 2, n % 2 == 1 ? order[n / 2] : address(0), randomness);
    }

    /// @inheritdoc ICircleRituals
    function rerequestInversion() external {
        RitualsStorage storage $ = _ritualsStorage();
        uint32 number = $.inversionsRequested;
        if (number == $.inversionsCompleted) revert CircleRitualsNoInversionPending();
        if (!$.inversionSource.isExpired($.inversionTicket)) revert CircleRitualsInversionNotStale(number);
        IRandomnessSource source = IRandomnessSource(IMandates(ICircle($.circle).mandates()).randomnessSource());
        $.inversionSource = source;
        uint256 ticket = source.request();
        $.inversionTicket = ticket;
        emit InversionRerequested(number, ticket);
    }

    // ------------------------------------------------------------------
    // Role modules
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRituals
    function addRoleModule(address module) external onlyCircle {
        address[] storage modules = _ritualsStorage().roleModules;
        if (modules.length == MAX_ROLE_MODULES) revert CircleRoleModulesFull(MAX_ROLE_MODULES);
        if (_indexOfRoleModule(module) < MAX_ROLE_MODULES) revert CircleRoleModuleAlreadyAdded(module);
        modules.push(module);
        emit RoleModuleAdded(module);
    }

    /// @inheritdoc ICircleRituals
    function removeRoleModule(address module) external onlyCircle {
        address[] storage modules = _ritualsStorage().roleModules;
        uint256 index = _indexOfRoleModule(module);
        if (index == MAX_ROLE_MODULES) revert CircleRoleModuleNotFound(module);
        modules[index] = modules[modules.length - 1];
        modules.pop();
        emit RoleModuleRemoved(module);
    }

    /// @inheritdoc ICircleRituals
    /// @dev Each hook runs inside a call with a fixed gas budget whose failure is logged and tolerated, so a broken
    /// module can never block a reset or a member's exit. The upfront check that the transaction carries enough gas
    /// for every budget means a caller cannot starve a hook on purpose. At most {MAX_ROLE_MODULES} iterations.
    function notifyRoleModules(bytes calldata data) external onlyCircle {
        RitualsStorage storage $ = _ritualsStorage();
        address[] storage modules = $.roleModules;
        uint256 length = modules.length;
        if (length == 0) return;
        // 64/63 covers the EIP-150 rule that a call forwards at most 63/64 of the remaining gas.
        uint256 needed = (length * (HOOK_GAS + HOOK_OVERHEAD) * 64) / 63;
        if (gasleft() < needed) revert CircleInsufficientGasForHooks(needed, gasleft());
        ICircle circle_ = ICircle($.circle);
        for (uint256 i = 0; i < length; ++i) {
            address module = modules[i];
            // The circle cuts a failing module's revert data to 256 bytes, so copying it here is cheap.
            try circle_.callRoleModule{gas: HOOK_GAS + HOOK_OVERHEAD}(module, data) {} catch (bytes memory reason) {
                emit RoleModuleHookFailed(module, bytes4(data), reason);
            }
        }
    }

    // ------------------------------------------------------------------
    // Open proposals (what a reset reports as cancelled)
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRituals
    /// @dev Book-keeping that mirrors the circle's `ProposalCreated`, so it emits nothing itself. The circle has
    /// already refused a proposer who is not a member now. The finished proposals are dropped only when a bound would
    /// refuse, which keeps the usual proposal cheap: one list entry and the proposer's count.
    function proposalMade(uint256 proposalId, address proposer) external virtual onlyCircle {
        RitualsStorage storage $ = _ritualsStorage();
        uint64 generation = $.openGeneration;
        OpenTally storage tally = $.openBy[proposer];
        // A count from an earlier generation was emptied by a reset.
        if (tally.generation != generation) {
            tally.generation = generation;
            tally.count = 0;
        }
        if (tally.count == MAX_OPEN_PER_PROPOSER || $.openCount == MAX_OPEN_PROPOSALS) _dropFinished();
        if (tally.count == MAX_OPEN_PER_PROPOSER) {
            revert CircleRitualsTooManyOpenProposals(proposer, MAX_OPEN_PER_PROPOSER);
        }
        // Unreachable while fewer than the member cap of addresses hold open proposals; departed members' proposals
        // stay open until they finish, so a circle with heavy turnover could meet it for a voting period at most.
        if ($.openCount == MAX_OPEN_PROPOSALS) revert CircleRitualsOpenProposalsFull(MAX_OPEN_PROPOSALS);
        $.openIds[$.openCount++] = proposalId;
        tally.count += 1;
    }

    /// @inheritdoc ICircleRituals
    /// @dev At most {MAX_OPEN_PROPOSALS} iterations, each one view call into the circle. The list is emptied by
    /// moving to a new generation of per-proposer counts, so nothing is cleared slot by slot.
    function takeOpenProposals() external onlyCircle returns (uint256[] memory open) {
        RitualsStorage storage $ = _ritualsStorage();
        open = openProposals();
        uint256 kept = 0;
        for (uint256 i = 0; i < open.length; ++i) {
            if (_isOpen(open[i])) open[kept++] = open[i];
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(open, kept)
        }
        $.openCount = 0;
        $.openGeneration += 1;
    }

    // ------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRituals
    function circle() external view returns (address) {
        return _ritualsStorage().circle;
    }

    /// @inheritdoc ICircleRituals
    function currentPeriod() public view returns (uint256) {
        RitualsStorage storage $ = _ritualsStorage();
        return $.periodOffset + (block.timestamp - $.periodsStart) / $.temperaturePeriod;
    }

    /// @inheritdoc ICircleRituals
    function temperature(uint256 period) external view returns (TemperatureAggregate memory) {
        return _ritualsStorage().temperatures[period];
    }

    /// @inheritdoc ICircleRituals
    /// @dev Loops over at most the member cap plus the namers who left since the last naming.
    function timesNamedDominant(uint256 period, address member) external view returns (uint256 count) {
        RitualsStorage storage $ = _ritualsStorage();
        address[] storage namers = $.namers[period][member];
        for (uint256 i = 0; i < namers.length; ++i) {
            if ($.membership.isMember(namers[i])) ++count;
        }
    }

    /// @inheritdoc ICircleRituals
    function roleModules() external view returns (address[] memory) {
        return _ritualsStorage().roleModules;
    }

    /// @inheritdoc ICircleRituals
    function resetCooldownEndsAt(address member) external view returns (uint64) {
        return _ritualsStorage().resetCooldownEndsAt[member];
    }

    /// @inheritdoc ICircleRituals
    function openProposals() public view returns (uint256[] memory ids) {
        RitualsStorage storage $ = _ritualsStorage();
        ids = new uint256[]($.openCount);
        for (uint256 i = 0; i < ids.length; ++i) {
            ids[i] = $.openIds[i];
        }
    }

    /// @inheritdoc ICircleRituals
    function reversalsLogged(uint256 period, address member) external view returns (uint256) {
        return _ritualsStorage().reversalsLogged[period][member];
    }

    /// @inheritdoc ICircleRituals
    function scorecardThresholds() external view returns (ScorecardThresholds memory thresholds) {
        thresholds = _ritualsStorage().scorecardThresholds;
        if (thresholds.maxTopMandateShareBps == 0) {
            thresholds = ScorecardThresholds({
                maxTopMandateShareBps: DEFAULT_MAX_TOP_MANDATE_SHARE_BPS,
                maxTopProposerShareBps: DEFAULT_MAX_TOP_PROPOSER_SHARE_BPS,
                minParticipationBps: DEFAULT_MIN_PARTICIPATION_BPS,
                minHeardAverageCenti: DEFAULT_MIN_HEARD_AVERAGE_CENTI,
                maxOneSidedPairShareBps: DEFAULT_MAX_ONE_SIDED_PAIR_SHARE_BPS
            });
        }
    }

    /// @inheritdoc ICircleRituals
    function cooldownEndsAt(address member) external view returns (uint64) {
        return _ritualsStorage().cooldownEndsAt[member];
    }

    /// @inheritdoc ICircleRituals
    function isCooledDown(address member) external view returns (bool) {
        return block.timestamp < _ritualsStorage().cooldownEndsAt[member];
    }

    /// @inheritdoc ICircleRituals
    function resetRound() external view returns (uint256 round, uint256 signals, uint64 endsAt) {
        RitualsStorage storage $ = _ritualsStorage();
        round = $.resetRound;
        endsAt = $.resetRoundEndsAt;
        signals = block.timestamp < endsAt ? $.resetSigners[round].length : 0;
    }

    /// @inheritdoc ICircleRituals
    /// @dev At most the member cap (32) members: two admission-time reads per pair.
    function mentorshipPairs() external view returns (uint256 number, MentorshipPair[] memory pairs) {
        RitualsStorage storage $ = _ritualsStorage();
        number = $.inversionsCompleted;
        address[] memory order = $.inversionOrder;
        uint256 since = $.pairsRequestedAt;
        uint256 n = order.length;
        pairs = new MentorshipPair[](n / 2);
        uint256 kept = 0;
        for (uint256 i = 0; i < n / 2; ++i) {
            address mentor = order[i];
            address mentee = order[n - 1 - i];
            // Standing while both have been members since before the inversion (0: not a member).
            uint48 mentorAt = $.membership.admittedAt(mentor);
            uint48 menteeAt = $.membership.admittedAt(mentee);
            if (mentorAt != 0 && mentorAt < since && menteeAt != 0 && menteeAt < since) {
                pairs[kept++] = MentorshipPair(mentor, mentee);
            }
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(pairs, kept)
        }
    }

    /// @inheritdoc ICircleRituals
    function inversion()
        external
        view
        returns (uint256 requested, uint256 completed, address source, uint256 ticket, uint64 dueAt, uint64 completedAt)
    {
        RitualsStorage storage $ = _ritualsStorage();
        requested = $.inversionsRequested;
        completed = $.inversionsCompleted;
        source = address($.inversionSource);
        ticket = $.inversionTicket;
        dueAt = _inversionDueAt(IMandates(ICircle($.circle).mandates()).rules().inversionPeriod);
        completedAt = $.inversionCompletedAt;
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    /// @dev When the next inversion may be requested: one `period` after the previous request, or after the founding
    /// for the first; 0 when inversions are off.
    function _inversionDueAt(uint32 period) private view returns (uint64) {
        if (period == 0) return 0;
        RitualsStorage storage $ = _ritualsStorage();
        uint64 since = $.inversionsRequested == 0 ? $.membership.foundedAt() : $.inversionRequestedAt;
        return since + period;
    }

    /// @dev Drops the finished proposals from the open list: at most {MAX_OPEN_PROPOSALS} iterations, each one or
    /// two view calls into the circle.
    /// Every listed proposal was counted in the current generation (a reset empties the list as it moves on), so each
    /// tally it decrements is of the current generation.
    function _dropFinished() private {
        RitualsStorage storage $ = _ritualsStorage();
        uint16 count = $.openCount;
        for (uint256 i = count; i > 0; --i) {
            uint256 id = $.openIds[i - 1];
            if (!_isOpen(id)) {
                $.openBy[IGovernor($.circle).proposalProposer(id)].count -= 1;
                $.openIds[i - 1] = $.openIds[--count];
            }
        }
        $.openCount = count;
    }

    /// @dev Open: a reset would cancel it (pending, active, or succeeded and not yet expired).
    function _isOpen(uint256 proposalId) private view returns (bool) {
        IGovernor.ProposalState state = IGovernor(_ritualsStorage().circle).state(proposalId);
        return
            state == IGovernor.ProposalState.Pending ||
            state == IGovernor.ProposalState.Active ||
            state == IGovernor.ProposalState.Succeeded;
    }

    /// @dev The module's index, or {MAX_ROLE_MODULES} if it is not registered. Loops at most {MAX_ROLE_MODULES} times.
    function _indexOfRoleModule(address module) private view returns (uint256) {
        address[] storage modules = _ritualsStorage().roleModules;
        for (uint256 i = 0; i < modules.length; ++i) {
            if (modules[i] == module) return i;
        }
        return MAX_ROLE_MODULES;
    }

    /// @dev Refuses a scorecard threshold outside `[min, max]`, naming its field by position.
    function _checkThreshold(uint8 field, uint16 value, uint16 min, uint16 max) private pure {
        if (value < min || value > max) revert CircleRitualsInvalidThreshold(field, value);
    }

    function _checkCircle() private view {
        if (msg.sender != _ritualsStorage().circle) revert CircleRitualsOnlyCircle(msg.sender);
    }

    function _checkMember(address account) private view {
        if (!_ritualsStorage().membership.isMember(account)) revert CircleRitualsNotMember(account);
    }

    function _ritualsStorage() private pure returns (RitualsStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            $.slot := RITUALS_STORAGE
        }
    }
}
