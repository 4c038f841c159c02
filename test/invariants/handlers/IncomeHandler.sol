// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IncomeHub} from "../../../contracts/income/IncomeHub.sol";
import {Handler} from "./Handler.sol";

/// @notice The actions around basic income: people register while bootstrapping or by invitation, claim at random
/// moments (often, rarely, after weeks away), stop for good, try to claim again after stopping, and outsiders try to
/// claim; time passes in steps of up to three days, sometimes three weeks.
contract IncomeHandler is Handler {
    uint256 public constant PEOPLE = 8;
    uint256 private constant HOUR = 1 hours;
    uint256 private constant MAX_BACK = 14 days;

    IncomeHub public immutable hub;

    /// @notice When each person registered (0: not registered).
    mapping(address person => uint256) public registeredAt;
    /// @notice When each person last claimed (or registered).
    mapping(address person => uint256) public lastClaimAt;
    /// @notice Everything a person's claims minted, in the units of the day of each claim.
    mapping(address person => uint256) public minted;
    mapping(address person => bool) public stopped;

    /// @notice A claim minted more than one token per whole hour since the later of the last claim and 14 days ago.
    uint256 public overIssuance;
    /// @notice A claim minted something other than what the person's balance gained.
    uint256 public misreportedClaims;
    /// @notice A person claimed after stopping, or someone unregistered claimed.
    uint256 public wrongClaims;
    /// @notice The last thing that broke a guarantee.
    string public lastViolation;

    constructor(IncomeHub hub_) {
        hub = hub_;
    }

    /// @notice Someone registers without an invitation (accepted only while bootstrapping).
    function register(uint256 who) external {
        address person = _person(who % PEOPLE);
        vm.prank(person);
        try hub.register(address(0)) {
            _registered(person);
        } catch {}
    }

    /// @notice A registered person invites someone: trusts them, then they register naming the inviter.
    function invite(uint256 inviter, uint256 invitee) external {
        address host = _person(inviter % PEOPLE);
        address guest = _person(invitee % PEOPLE);
        if (host == guest) return;
        vm.prank(host);
        try hub.trust(guest, now_ + 30 days) {} catch {
            return;
        }
        vm.prank(guest);
        try hub.register(host) {
            _registered(guest);
        } catch {}
    }

    /// @notice Anyone claims their income; the amount is checked against one token per hour, 14 days back at most.
    function claim(uint256 who) external {
        address person = _person(who % PEOPLE);
        uint256 id = uint256(uint160(person));
        uint256 before = hub.balanceOf(person, id);
        vm.prank(person);
        try hub.claim() returns (uint256 amount) {
            if (registeredAt[person] == 0 || stopped[person])
                _violation("a claim by someone not entitled", ++wrongClaims);
            if (amount > _bound(lastClaimAt[person])) _violation("a claim minted too much", ++overIssuance);
            if (hub.balanceOf(person, id) != before + amount) _violation("a claim misreported", ++misreportedClaims);
            minted[person] += amount;
            lastClaimAt[person] = now_;
        } catch {}
    }

    /// @notice A person stops their issuance for good (minting what was due).
    function stop(uint256 who) external {
        address person = _person(who % PEOPLE);
        uint256 id = uint256(uint160(person));
        uint256 before = hub.balanceOf(person, id);
        vm.prank(person);
        try hub.stop() {
            uint256 amount = hub.balanceOf(person, id) - before;
            if (amount > _bound(lastClaimAt[person])) _violation("stopping minted too much", ++overIssuance);
            minted[person] += amount;
            lastClaimAt[person] = now_;
            stopped[person] = true;
        } catch {}
    }

    /// @notice Time passes: up to three days, or (one step in eight) up to three weeks.
    function pass(uint256 seconds_) external {
        _pass(seconds_ >> 3, seconds_ % 8 == 0 ? 21 days : 3 days);
    }

    /// @notice The most a claim made now may mint after a last claim at `last`: one token per clock hour that
    /// began at or after the later of `last` and 14 days ago and has ended by now.
    function bound(address person) external view returns (uint256) {
        return _bound(lastClaimAt[person]);
    }

    /// @notice The most a person can have been minted in all: one token per clock hour since they registered.
    function lifetimeBound(address person) external view returns (uint256) {
        if (registeredAt[person] == 0) return 0;
        return (block.timestamp / HOUR - registeredAt[person] / HOUR) * 1e18;
    }

    function _bound(uint256 last) private view returns (uint256) {
        uint256 from =
            block.timestamp > MAX_BACK && block.timestamp - MAX_BACK > last ? block.timestamp - MAX_BACK : last;
        return (block.timestamp / HOUR - from / HOUR) * 1e18;
    }

    function _registered(address person) private {
        registeredAt[person] = now_;
        lastClaimAt[person] = now_;
    }

    function _violation(string memory what, uint256) private {
        lastViolation = what;
    }
}
