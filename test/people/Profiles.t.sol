// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Profiles} from "../../contracts/people/Profiles.sol";
import {TestBase} from "../utils/Vm.sol";

/// @notice Fuzz tests of the profile registry: exactly the valid names are stored, and only for the caller.
contract ProfilesFuzzTest is TestBase {
    Profiles private profiles;

    function setUp() public {
        profiles = new Profiles();
    }

    /// @notice Property: any bytes as a name are stored exactly when they are 1 to 64 bytes with no control character
    /// (below 0x20, or 0x7f), under the caller's account only; another account's profile never changes.
    function testFuzz_setProfile_storesExactlyValidNamesForTheCaller(
        address who,
        address other,
        bytes memory raw
    ) public {
        vm.assume(who != other);
        vm.prank(other);
        profiles.setProfile("Other", "ipfs://other");
        (string memory otherName, string memory otherUri, uint64 otherAt) = profiles.profileOf(other);

        bool valid = raw.length >= 1 && raw.length <= 64;
        for (uint256 i = 0; i < raw.length && valid; ++i) {
            if (raw[i] < 0x20 || raw[i] == 0x7f) valid = false;
        }
        vm.prank(who);
        try profiles.setProfile(string(raw), "") {
            assertTrue(valid, "an invalid name was stored");
            (string memory name, , uint64 updatedAt) = profiles.profileOf(who);
            assertTrue(keccak256(bytes(name)) == keccak256(raw), "the stored name differs");
            assertEq(updatedAt, block.timestamp, "updatedAt");
        } catch {
            assertTrue(!valid, "a valid name was refused");
            (string memory name, , ) = profiles.profileOf(who);
            assertEq(bytes(name).length, 0, "a refused name left a trace");
        }

        (string memory nameAfter, string memory uriAfter, uint64 atAfter) = profiles.profileOf(other);
        assertTrue(keccak256(bytes(nameAfter)) == keccak256(bytes(otherName)), "another's name changed");
        assertTrue(keccak256(bytes(uriAfter)) == keccak256(bytes(otherUri)), "another's URI changed");
        assertEq(atAfter, otherAt, "another's updatedAt changed");
    }

    /// @notice Property: clearing leaves the caller with no profile and no other account changed.
    function testFuzz_clearProfile_clearsOnlyTheCaller(address who, address other) public {
        vm.assume(who != other);
        vm.prank(who);
        profiles.setProfile("Who", "");
        vm.prank(other);
        profiles.setProfile("Other", "");
        vm.prank(who);
        profiles.clearProfile();
        (string memory name, string memory uri, uint64 updatedAt) = profiles.profileOf(who);
        assertEq(bytes(name).length + bytes(uri).length + updatedAt, 0, "a cleared profile kept something");
        (string memory otherName, , ) = profiles.profileOf(other);
        assertTrue(keccak256(bytes(otherName)) == keccak256("Other"), "another's profile changed");
    }
}
