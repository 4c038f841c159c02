// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ICouncilSeats
/// @notice The membership of a council: its members are circles (or smaller councils), one seat each. A seat is
/// exercised by the holder of the member circle's live delegate mandate for this council (role {delegateRole});
/// while that mandate does not exist the seat is vacant and the circle is not counted as a member: it cannot
/// vote, and the quorum of new proposals leaves it out. The circle, not the delegate, holds the seat.
interface ICouncilSeats {
    /// @notice A circle asked for a seat, by its own decision.
    /// @param circle The circle.
    event SeatRequested(address indexed circle);

    /// @notice The caller is not a circle of the registry, or is the council itself.
    /// @param caller The caller.
    error CouncilNotACircle(address caller);

    /// @notice The circle already asked for a seat.
    /// @param circle The circle.
    error CouncilSeatAlreadyRequested(address circle);

    /// @notice The council can only seat a circle that asked for a seat by its own decision.
    /// @param circle The circle.
    error CouncilSeatNotRequested(address circle);

    /// @notice A council has no authority over any circle: its proposals cannot call another circle or any part
    /// of one.
    /// @param target The call's target.
    error CouncilNoAuthority(address target);

    /// @notice Sets up a council's seats. Called once by the registry on the clone.
    /// @param council The council (governor).
    /// @param name The council's name.
    /// @param foundingCircle The circle whose decision founded the council; it holds the first seat.
    /// @param maxSeats The most seats.
    /// @param registry The registry whose circles may join.
    /// @param openJoin Whether a circle's request seats it at once, without a council vote.
    function initializeCouncil(
        address council,
        string calldata name,
        address foundingCircle,
        uint8 maxSeats,
        address registry,
        bool openJoin
    ) external;

    /// @notice The calling circle asks for a seat (call it through the circle's own passed proposal). With open
    /// join the circle is seated at once; otherwise the council seats it by a decision calling `admit`.
    function requestSeat() external;

    /// @notice Whether `circle` holds a seat, filled or vacant.
    /// @param circle The circle.
    function hasSeat(address circle) external view returns (bool);

    /// @notice Whether `circle`'s seat is filled: it holds a seat and has a live delegate mandate for this council.
    /// @param circle The circle.
    function isSeatFilled(address circle) external view returns (bool);

    /// @notice Whether `circle` has asked for a seat and awaits the council's decision.
    /// @param circle The circle.
    function hasRequested(address circle) external view returns (bool);

    /// @notice The role name a member circle gives its delegate's mandate: "delegate to council 0x…".
    function delegateRole() external view returns (string memory);

    /// @notice keccak256 of {delegateRole}.
    function delegateRoleId() external view returns (bytes32);

    /// @notice Whether circles are seated on request, without a council vote.
    function openJoin() external view returns (bool);
}
