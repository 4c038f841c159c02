// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {CircleMembership} from "../circles/CircleMembership.sol";
import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {ICircleRegistry} from "../interfaces/ICircleRegistry.sol";
import {ICouncilSeats} from "../interfaces/ICouncilSeats.sol";
import {IMandates} from "../interfaces/IMandates.sol";

/// @title CouncilSeats
/// @notice The seats of a council of circles. A council is governed by the very same {Circle} governor as a
/// circle — proposals, votes, quorum, charter, reset, mandates — with this contract as its membership: members are
/// circles, and the policy on what the council may call is stricter.
///
/// @dev Security reasoning:
/// - Joining takes both sides' decisions: the circle calls {requestSeat} itself (so through its own passed
///   proposal or a mandate it granted), and the council seats it with a passed proposal calling `admit` — unless the
///   council is open-join (never the default; the council turns it on or off by decision, {setOpenJoin}). Leaving is
///   the inherited `leave`: the circle calls it, at once, no vote, no fee.
/// - A seat counts (`isMember`: what the governor, the rituals and the council's own mandates ask) only while it is
///   held, filled, large enough and out of probation, all read live on every use (only where to read is recorded
///   when a circle takes its seat: the addresses of its membership and mandates, fixed at the circle's founding):
///   - filled: the member circle has a live delegate mandate for this council, read from the circle's own mandates
///     module: a recalled, expired or reset delegate vacates the seat in the same block; the circle keeps the seat.
///   - large enough: the circle had at least {MIN_SEAT_MEMBERS} = 3 members a second ago (its checkpointed member
///     count, so no same-block join counts, and no recursion into a member council's own seats). 3 is the smallest
///     reset threshold a circle may have: a smaller body cannot hard-reset its own holders, so it is one person's
///     voice rather than a circle's, and one person founding many such bodies would multiply that voice.
///   - out of probation: a seat taken by open join, without the council's decision, counts only from
///     {probation} seconds later (default two voting rounds, 2 x (votingDelay + votingPeriod) of the council: time
///     for the council to notice the seat and pass a removal that ends before the probation does). A seat on
///     probation cannot vote, propose, signal a reset or recall, or be drawn, and is not in any quorum base. Seats
///     the council admitted by decision, and the founding seat, count at once.
/// - The quorum base of a proposal ({electorateSize}) and the majority base of recalls and dominance ({memberCount})
///   are the seats that count when asked ({electorateSize} ignores its timepoint for that reason; each proposal stores
///   its quorum when made). Counting loops over the seats, bounded by the council's `maxMembers` (at most the member
///   cap of 32).
/// - No standing authority: every call of every council proposal is checked, when proposed and when executed, and
///   refused if its target is another circle or council of the registry, or any contract that says it belongs to
///   one (membership, rituals, mandates, badges all answer `circle()`). The council may call itself, its own
///   parts, and contracts that belong to no circle (for example a treasury token it holds).
/// - Past its sunset (the charter's expiry) a council can only be renewed (`ratifyCharter`) or dissolved.
contract CouncilSeats is CircleMembership, ICouncilSeats {
    using Strings for address;

    /// @dev What counting a seat reads, kept in two slots per circle when it takes its seat: where the circle's
    /// member count and delegate live (a circle's parts are fixed at its founding), and its probation.
    struct Seat {
        IVotes membership;
        uint64 probationEndsAt;
        IMandates mandates;
    }

    /// @custom:storage-location erc7201:commonweal.storage.CouncilSeats
    struct SeatsStorage {
        ICircleRegistry registry;
        bool openJoin;
        bool probationSet;
        uint64 probation;
        bytes32 delegateRoleId;
        mapping(address circle => bool) requested;
        mapping(address circle => Seat) seats;
    }

    /// @notice The fewest members a circle must have had a second ago for its seat to count (and to take one).
    uint256 public constant MIN_SEAT_MEMBERS = 3;

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.CouncilSeats")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant SEATS_STORAGE = 0x726f483c7f3588925f12c7638816ca4975e98e66c5035241aa0f9cd1fdd85c00;

    /// @inheritdoc ICouncilSeats
    function initializeCouncil(
        address council,
        string calldata name_,
        address foundingCircle,
        uint8 maxSeats,
        address registry,
        bool openJoin_
    ) external initializer {
        address[] memory founders = new address[](1);
        founders[0] = foundingCircle;
        _initializeMembership(council, name_, founders, 1, maxSeats);
        SeatsStorage storage $ = _seatsStorage();
        $.registry = ICircleRegistry(registry);
        $.openJoin = openJoin_;
        $.delegateRoleId = keccak256(bytes(_delegateRole(council)));
        _recordSeat(foundingCircle, 0);
    }

    // ------------------------------------------------------------------
    // Joining
    // ------------------------------------------------------------------

    /// @inheritdoc ICouncilSeats
    function requestSeat() external {
        SeatsStorage storage $ = _seatsStorage();
        address circle_ = msg.sender;
        if (!$.registry.isCircle(circle_) || circle_ == circle()) revert CouncilNotACircle(circle_);
        if (_holdsMembership(circle_)) revert CircleMembershipAlreadyMember(circle_);
        if ($.requested[circle_] && !$.openJoin) revert CouncilSeatAlreadyRequested(circle_);
        _checkSize(circle_);
        emit SeatRequested(circle_);
        if ($.openJoin) {
            $.requested[circle_] = false;
            uint64 endsAt = uint64(block.timestamp) + probation();
            _recordSeat(circle_, endsAt);
            _admitWithinLimit(circle_);
            emit SeatOnProbation(circle_, endsAt);
        } else {
            $.requested[circle_] = true;
        }
    }

    /// @notice Seats a circle that asked for a seat. Only the council, by a passed proposal; the seat counts at once.
    function admit(address member) public override {
        SeatsStorage storage $ = _seatsStorage();
        if (msg.sender == circle() && !$.requested[member]) revert CouncilSeatNotRequested(member);
        _checkSize(member);
        $.requested[member] = false;
        _recordSeat(member, 0);
        super.admit(member);
    }

    /// @inheritdoc ICouncilSeats
    function setProbation(uint32 seconds_) external {
        _checkCouncil();
        SeatsStorage storage $ = _seatsStorage();
        emit ProbationSet(probation(), seconds_);
        $.probation = seconds_;
        $.probationSet = true;
    }

    /// @inheritdoc ICouncilSeats
    function setOpenJoin(bool openJoin_) external {
        _checkCouncil();
        _seatsStorage().openJoin = openJoin_;
        emit OpenJoinSet(openJoin_);
    }

    /// @dev Circles ask with {requestSeat}, checked in {admit}: the membership's own request does not apply here.
    function _takeAdmissionRequest(address) internal pure override {}

    // ------------------------------------------------------------------
    // Seats, filled and vacant
    // ------------------------------------------------------------------

    /// @notice Whether `account` holds a seat that counts (filled, large enough, out of probation): what voting,
    /// proposing, signalling and being drawn require.
    function isMember(address account) public view override returns (bool) {
        return _holdsMembership(account) && _counts(account);
    }

    /// @notice The number of seats that count now: the majority base of recalls and of naming a dominant seat.
    function memberCount() public view override returns (uint256) {
        return electorateSize(0);
    }

    /// @inheritdoc ICouncilSeats
    function hasSeat(address circle_) external view returns (bool) {
        return _holdsMembership(circle_);
    }

    /// @inheritdoc ICouncilSeats
    function isSeatFilled(address circle_) external view returns (bool) {
        return _holdsMembership(circle_) && _isFilled(_seatsStorage().seats[circle_]);
    }

    /// @inheritdoc ICouncilSeats
    function onProbation(address circle_) external view returns (bool) {
        return block.timestamp < _seatsStorage().seats[circle_].probationEndsAt;
    }

    /// @inheritdoc ICouncilSeats
    function probationEndsAt(address circle_) external view returns (uint64) {
        return _seatsStorage().seats[circle_].probationEndsAt;
    }

    /// @inheritdoc ICouncilSeats
    function probation() public view returns (uint64) {
        SeatsStorage storage $ = _seatsStorage();
        if ($.probationSet) return $.probation;
        IGovernor council = IGovernor(circle());
        // Both are 32-bit durations in the council's rules, so the sum fits.
        return uint64(2 * (council.votingDelay() + council.votingPeriod()));
    }

    /// @inheritdoc ICouncilSeats
    function hasRequested(address circle_) external view returns (bool) {
        return _seatsStorage().requested[circle_];
    }

    /// @notice The number of seats that count now (filled, large enough, out of probation): the quorum base of a
    /// proposal made now. Bounded by the council's `maxMembers` (at most 32).
    function electorateSize(uint256) public view override returns (uint256 counted) {
        address[] memory seats = members();
        for (uint256 i = 0; i < seats.length; ++i) {
            if (_counts(seats[i])) ++counted;
        }
    }

    // ------------------------------------------------------------------
    // What a council may call
    // ------------------------------------------------------------------

    /// @notice Refuses calls into any other circle or council, or any part of one; past the sunset, anything but
    /// renewing the charter or dissolving.
    function checkCalls(address[] calldata targets, bytes[] calldata calldatas, bool lapsed) public view override {
        address council = circle();
        for (uint256 i = 0; i < targets.length; ++i) {
            address target = targets[i];
            if (lapsed) {
                bytes4 selector = bytes4(calldatas[i]);
                bool renewal =
                    target == council &&
                        (selector == ICircle.ratifyCharter.selector || selector == ICircle.dissolve.selector);
                if (!renewal)
                    revert ICircle.CircleCharterLapsed(ICircle(council).charter().expiresAt, target, selector);
            }
            address owner = _ownerCircle(target);
            if (owner != address(0) && owner != council) revert CouncilNoAuthority(target);
        }
    }

    /// @inheritdoc ICouncilSeats
    function delegateRole() external view returns (string memory) {
        return _delegateRole(circle());
    }

    /// @inheritdoc ICouncilSeats
    function delegateRoleId() external view returns (bytes32) {
        return _seatsStorage().delegateRoleId;
    }

    /// @inheritdoc ICouncilSeats
    function openJoin() external view returns (bool) {
        return _seatsStorage().openJoin;
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    /// @dev Whether a held seat counts: out of probation (read first: it is this contract's own slot) and filled.
    function _counts(address circle_) private view returns (bool) {
        Seat storage seat = _seatsStorage().seats[circle_];
        return block.timestamp >= seat.probationEndsAt && _isFilled(seat);
    }

    /// @dev Whether a seat is filled, read live from the member circle's parts: at least {MIN_SEAT_MEMBERS} members a
    /// second ago, and a live delegate mandate for this council.
    function _isFilled(Seat storage seat) internal view virtual returns (bool) {
        if (_sizeOf(seat.membership) < MIN_SEAT_MEMBERS) return false;
        (address delegate, ) = seat.mandates.holderOf(_seatsStorage().delegateRoleId);
        return delegate != address(0);
    }

    /// @dev How many members a circle (its `membership`) had a second ago: its checkpointed count (for a council, its
    /// seats held), so a member admitted in this block does not count and a member council's own seats are not walked.
    function _sizeOf(IVotes membership) private view returns (uint256) {
        return membership.getPastTotalSupply(block.timestamp - 1);
    }

    function _checkSize(address circle_) private view {
        uint256 size = _sizeOf(IVotes(ICircle(circle_).membership()));
        if (size < MIN_SEAT_MEMBERS) revert CouncilCircleTooSmall(circle_, size, MIN_SEAT_MEMBERS);
    }

    /// @dev Records where a circle taking a seat keeps its member count and delegate (fixed at its founding), and
    /// when its probation ends (zero: none).
    function _recordSeat(address circle_, uint64 probationEndsAt_) private {
        ICircle circle = ICircle(circle_);
        _seatsStorage().seats[circle_] = Seat({
            membership: IVotes(circle.membership()),
            probationEndsAt: probationEndsAt_,
            mandates: IMandates(circle.mandates())
        });
    }

    function _checkCouncil() private view {
        if (msg.sender != circle()) revert CircleMembershipOnlyCircle(msg.sender);
    }

    /// @dev The circle or council of the registry that `target` is, or belongs to; zero if none.
    function _ownerCircle(address target) private view returns (address) {
        ICircleRegistry registry = _seatsStorage().registry;
        if (registry.isCircle(target)) return target;
        (bool ok, bytes memory answer) = target.staticcall(abi.encodeCall(ICircleMembership.circle, ()));
        if (!ok || answer.length != 32) return address(0);
        address owner = abi.decode(answer, (address));
        return registry.isCircle(owner) ? owner : address(0);
    }

    function _delegateRole(address council) private pure returns (string memory) {
        return string.concat("delegate to council ", council.toHexString());
    }

    function _seatsStorage() private pure returns (SeatsStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            $.slot := SEATS_STORAGE
        }
    }
}
