// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ICouncilSeats
/// @notice The membership of a council: its members are circles (or smaller councils), one seat each. A seat is
/// exercised by the holder of the member circle's live delegate mandate for this council (role {delegateRole});
/// while that mandate does not exist the seat is vacant and the circle is not counted as a member: it cannot
/// vote, and the quorum of new proposals leaves it out. The circle, not the delegate, holds the seat. A seat counts
/// only while its circle has at least three members, and a seat taken by open join only after a probation.
interface ICouncilSeats {
    /// @notice A circle asked for a seat, by its own decision.
    /// @param circle The circle.
    event SeatRequested(address indexed circle);

    /// @notice A circle took a seat by open join: the seat counts only from `endsAt`.
    /// @param circle The circle.
    /// @param endsAt When its probation ends.
    event SeatOnProbation(address indexed circle, uint64 endsAt);

    /// @notice The council set the probation of seats taken by open join.
    /// @param oldProbation The probation before, in seconds.
    /// @param newProbation The probation now, in seconds.
    event ProbationSet(uint64 oldProbation, uint64 newProbation);

    /// @notice The council opened or closed joining without its decision.
    /// @param openJoin Whether circles are now seated on request.
    event OpenJoinSet(bool openJoin);

    /// @notice The circle has too few members to hold a seat: a seat is one circle's voice, not one person's.
    /// @param circle The circle.
    /// @param members Its members a second ago.
    /// @param minimum The fewest a seat needs.
    error CouncilCircleTooSmall(address circle, uint256 members, uint256 minimum);

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
    /// join the circle is seated at once, on probation; otherwise the council seats it by a decision calling `admit`.
    /// The circle must have had at least three members a second ago.
    function requestSeat() external;

    /// @notice Sets the probation of seats taken by open join from now on. Only the council, by a passed proposal.
    /// @param seconds_ The probation, in seconds.
    function setProbation(uint32 seconds_) external;

    /// @notice Opens or closes joining without the council's decision. Only the council, by a passed proposal.
    /// @param openJoin Whether circles are seated on request.
    function setOpenJoin(bool openJoin) external;

    /// @notice How long a seat taken by open join waits before it counts: set by the council, or by default two
    /// voting rounds of the council, 2 x (votingDelay + votingPeriod).
    function probation() external view returns (uint64);

    /// @notice Whether `circle`'s seat is still on probation: held, but not yet counted.
    /// @param circle The circle.
    function onProbation(address circle) external view returns (bool);

    /// @notice When `circle`'s probation ends (zero for a seat admitted by the council's decision or founding).
    /// @param circle The circle.
    function probationEndsAt(address circle) external view returns (uint64);

    /// @notice Whether `circle` holds a seat, filled or vacant.
    /// @param circle The circle.
    function hasSeat(address circle) external view returns (bool);

    /// @notice Whether `circle`'s seat is filled: it holds a seat, had at least three members a second ago, and has a
    /// live delegate mandate for this council.
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
