// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title CloneArgs
/// @notice Reads an address among the immutable arguments of a clone made by {Clones-cloneWithImmutableArgs}: the
/// arguments follow the 45-byte EIP-1167 proxy in the clone's own code, where {Clones-fetchCloneArgs} finds them too.
/// @dev Reads only the 20 bytes asked for, into scratch space: one EXTCODECOPY of the running clone's own, always warm
/// address (about 110 gas, no memory allocated), where a storage slot read first in a transaction costs 2,100.
/// The arguments are part of the clone's code, written once by its creator and changeable by no one, not even the
/// clone's own code. Bytes past the end of the code read as zero.
library CloneArgs {
    /// @notice The `index`-th address (from 0) packed, 20 bytes each, in the arguments of the clone this code runs
    /// for; zero when the code runs at `deployedAt`, its own deployment (an implementation or a module called
    /// directly rather than by a clone), whose code carries no arguments and whose bytes there are its own code.
    /// @param deployedAt The address the calling contract's code was deployed at (an immutable set to
    /// `address(this)` in its constructor).
    /// @param index Which address: 0 for the arguments' first 20 bytes, 1 for the next, and so on.
    function addressAt(address deployedAt, uint256 index) internal view returns (address arg) {
        if (address(this) == deployedAt) return address(0);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            extcodecopy(address(), 0x00, add(0x2d, mul(index, 20)), 20)
            arg := shr(96, mload(0x00))
        }
    }
}
