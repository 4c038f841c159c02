// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

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
///   council was founded open-join. Leaving is the inherited `leave`: the circle calls it, at once, no vote, no fee.
/// - A seat is filled only while the member circle has a live delegate mandate for this council, read live from
///   the circle's own mandates module on every use: a recalled, expired or reset delegate vacates the seat in the
///   same block, and the circle keeps the seat itself. `isMember` (what the governor, the rituals and the council's
///   own mandates ask) means "filled", so a vacant seat cannot vote, signal, record or be drawn.
/// - The quorum base of a proposal is the number of filled seats when it is made ({electorateSize} ignores its
///   timepoint for that reason; each proposal stores its quorum when made). Counting it loops over the seats,
///   bounded by the council's `maxMembers` (at most the member cap of 32).
/// - No standing authority: every call of every council proposal is checked, when proposed and when executed, and
///   refused if its target is another circle or council of the registry, or any contract that says it belongs to
///   one (membership, rituals, mandates, badges all answer `circle()`). The council may call itself, its own
///   parts, and contracts that belong to no circle (for example a treasury token it holds).
/// - Past its sunset (the charter's expiry) a council can only be renewed (`ratifyCharter`) or dissolved.
contract CouncilSeats is CircleMembership, ICouncilSeats {
    using Strings for address;

    /// @custom:storage-location erc7201:commonweal.storage.CouncilSeats
    struct SeatsStorage {
        ICircleRegistry registry;
        bool openJoin;
        bytes32 delegateRoleId;
        mapping(address circle => bool) requested;
    }

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
        if ($.requested[circle_]) revert CouncilSeatAlreadyRequested(circle_);
        emit SeatRequested(circle_);
        if ($.openJoin) {
            _admitWithinLimit(circle_);
        } else {
            $.requested[circle_] = true;
        }
    }

    /// @notice Seats a circle that asked for a seat. Only the council, by a passed proposal.
    function admit(address member) public override {
        SeatsStorage storage $ = _seatsStorage();
        if (msg.sender == circle() && !$.requested[member]) revert CouncilSeatNotRequested(member);
        $.requested[member] = false;
        super.admit(member);
    }

    /// @dev Circles ask with {requestSeat}, checked in {admit}: the membership's own request does not apply here.
    function _takeAdmissionRequest(address) internal pure override {}

    // ------------------------------------------------------------------
    // Seats, filled and vacant
    // ------------------------------------------------------------------

    /// @notice Whether `account` holds a filled seat: what voting, signalling and being drawn require.
    function isMember(address account) public view override returns (bool) {
        return _holdsMembership(account) && isSeatFilled(account);
    }

    /// @inheritdoc ICouncilSeats
    function hasSeat(address circle_) external view returns (bool) {
        return _holdsMembership(circle_);
    }

    /// @inheritdoc ICouncilSeats
    function isSeatFilled(address circle_) public view returns (bool) {
        if (!_holdsMembership(circle_)) return false;
        (address delegate, ) = IMandates(ICircle(circle_).mandates()).holderOf(_seatsStorage().delegateRoleId);
        return delegate != address(0);
    }

    /// @inheritdoc ICouncilSeats
    function hasRequested(address circle_) external view returns (bool) {
        return _seatsStorage().requested[circle_];
    }

    /// @notice The number of filled seats now: the quorum base of a proposal made now.
    function electorateSize(uint256) public view override returns (uint256 filled) {
        address[] memory seats = members();
        for (uint256 i = 0; i < seats.length; ++i) {
            if (isSeatFilled(seats[i])) ++filled;
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
