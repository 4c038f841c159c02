// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {ICircleRituals} from "../interfaces/ICircleRituals.sol";
import {Signals} from "../libraries/Signals.sol";

/// @title CircleRituals
/// @notice The circle's rituals against hierarchy. The power temperature check: after each decision period every
/// member may say how heard they felt and name the member whose voice dominated; whoever a majority names sits
/// out of roles for a cooldown. The hard reset: when `resetThreshold` distinct members signal within the reset
/// window, the circle cancels every pending proposal and dissolves every role at once.
///
/// @dev Security reasoning:
/// - Only current members record or signal, once each per period or round; a member cannot be named dominant
///   twice by the same person in a period, so a majority means a majority of distinct members.
/// - The dominance majority is measured against the member count at the moment of each naming; the cooldown
///   starts once, the moment the majority forms, and a later naming in the same period does not extend it.
/// - A reset round opens with its first signal and closes `resetWindow` later or when it succeeds. Only the signals
///   of current members count: those of members who left are dropped at the next signal, which also keeps a
///   round's signers below the member cap, so every loop here and the list passed to the circle are bounded.
/// - Nothing here is anonymous: a public chain shows who recorded what and who named whom.
contract CircleRituals is Initializable, ICircleRituals {
    /// @custom:storage-location erc7201:commonweal.storage.CircleRituals
    struct RitualsStorage {
        address circle;
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
        mapping(uint256 period => mapping(address member => uint256)) namedDominant;
        mapping(uint256 period => mapping(address member => bool)) cooledInPeriod;
        mapping(address member => uint64) cooldownEndsAt;
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
    function setRules(
        uint8 resetThreshold_,
        uint32 resetWindow_,
        uint32 temperaturePeriod_,
        uint32 dominanceCooldown_
    ) external onlyCircle {
        RitualsStorage storage $ = _ritualsStorage();
        if (temperaturePeriod_ != $.temperaturePeriod) {
            // The running period ends now and the next one starts at once, so period numbers carry on.
            $.periodOffset = uint64(currentPeriod() + 1);
            $.periodsStart = uint64(block.timestamp);
        }
        $.resetThreshold = resetThreshold_;
        $.resetWindow = resetWindow_;
        $.temperaturePeriod = temperaturePeriod_;
        $.dominanceCooldown = dominanceCooldown_;
        emit RitualRulesSet(resetThreshold_, resetWindow_, temperaturePeriod_, dominanceCooldown_);
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
        uint256 named = ++$.namedDominant[period][dominant];
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
            ICircle($.circle).hardReset(signers);
        }
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
    function timesNamedDominant(uint256 period, address member) external view returns (uint256) {
        return _ritualsStorage().namedDominant[period][member];
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

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

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
