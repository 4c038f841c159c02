// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CouncilSeats} from "../../federation/CouncilSeats.sol";

/// @title CouncilSeatsWithoutLiveSeats
/// @notice Bench only (scripts/bench/guarantees.ts), never deployed by a registry: the council's seats without one
/// guarantee, that a seat counts only while its circle is large enough and has a live delegate, read from the circle's
/// own contracts whenever a seat is counted. Here a held seat out of probation counts with nothing read from the
/// member circle, which is the least a council caching each seat's state in the seat's own record would pay when
/// counting (that record is read anyway, for the probation); keeping such a cache true would cost the member circles
/// a call into every council they sit in whenever a member leaves or a delegate's mandate ends, and a recalled,
/// expired or reset delegate would keep counting until then.
contract CouncilSeatsWithoutLiveSeats is CouncilSeats {
    /// @dev Every held seat is filled.
    function _isFilled(Seat storage) internal pure override returns (bool) {
        return true;
    }
}
