// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {MandateRules} from "../interfaces/ICircleRules.sol";
import {IMandates} from "../interfaces/IMandates.sol";
import {CircleRulesLib} from "../libraries/CircleRulesLib.sol";
import {Sortition} from "../libraries/Sortition.sol";
import {MandatesBase} from "./MandatesBase.sol";

/// @title MandateDraws
/// @notice Sortition for {Mandates}: requesting, completing and re-requesting draws by lot; and the validated update
/// of the mandate rules (moved here to keep {Mandates} small). It has no storage of its
/// own and no callers but {Mandates}, which created it and runs it by delegatecall in the circle's mandates storage;
/// its functions keep the selectors and arguments of {IMandates}.
///
/// @dev Security reasoning:
/// - It is a code module, not a separate authority: {Mandates} deploys it in its constructor and keeps its address
///   as an immutable, so no one can point a circle's draws at other code. Called directly, it reads its own empty
///   storage: no circle (so `requestDraw` refuses every caller), no facilitation period, no draws.
/// - The pool of eligible members and a future randomness ticket are frozen at request (the pool as a hash, the
///   members in {DrawRequested}); completion cannot choose either.
/// - Draws complete in request order: only draw `drawsSettled + 1` may complete, any other pending one reverts with
///   {MandateDrawOutOfOrder}. So when two pending draws share members (and one's winner may become ineligible for
///   the other, e.g. by reaching the live-mandate limit), the completer cannot pick the order and with it who gets
///   which role. A role has at most one pending draw, and a grant for a role with a pending draw is refused, so the
///   oldest draw can always complete once its randomness is out (or be re-requested once it is stale).
/// - Eligibility is re-checked at completion, with the same rules as a grant (member, not the stepping-aside
///   proposer, not cooled down, not term-limited, under the live-mandate limit); the pick is uniform among those
///   still eligible. If nobody is, the draw is void ({DrawVoided}): it grants nothing and frees the queue and the
///   role for a new decision. The moment of completion can matter only through those rules changing with time
///   (a cooldown or a term ending); the randomness and the order in which candidates are tried cannot be chosen.
/// - A hard reset cancels every pending draw (its epoch is stale) and settles them all at once.
contract MandateDraws is MandatesBase, ReentrancyGuardTransient {
    /// @notice See {IMandates-requestDraw}.
    function requestDraw(IMandates.MandateSpec calldata spec) external onlyCircle returns (uint256 drawId) {
        _pruneExpired();
        drawId = _requestDraw(_grantOf(spec, _decisionProposer()), address(0));
        MandatesStorage storage $ = _mandatesStorage();
        for (uint256 i = 0; i < spec.powers.length; ++i) {
            $.drawPowers[drawId].push(spec.powers[i]);
        }
    }

    /// @notice See {IMandates-requestFacilitatorDraw}.
    function requestFacilitatorDraw() external returns (uint256 drawId) {
        MandatesStorage storage $ = _mandatesStorage();
        uint32 period = $.rules.facilitationPeriod;
        if (period == 0) revert IMandates.MandateNoFacilitation();
        _pruneExpired();
        Grant memory g = Grant({
            roleId: FACILITATOR_ROLE,
            role: "facilitator",
            title: "Facilitate the circle",
            scopeHash: bytes32(0),
            duration: period,
            holder: address(0),
            proposer: address(0),
            drawn: true
        });
        drawId = _requestDraw(g, $.lastFacilitator);
    }

    /// @notice See {IMandates-completeDraw}.
    function completeDraw(
        uint256 drawId,
        address[] calldata pool,
        bytes calldata proof
    ) external nonReentrant returns (uint256 mandateId) {
        MandatesStorage storage $ = _mandatesStorage();
        IMandates.Draw storage d = $.draws[drawId];
        if (d.status != IMandates.DrawStatus.Pending) revert IMandates.MandateDrawNotPending(drawId);
        if (d.epoch != $.epoch) revert IMandates.MandateDrawCancelled(drawId);
        uint256 next = $.drawsSettled + 1;
        if (drawId != next) revert IMandates.MandateDrawOutOfOrder(drawId, next);
        if (keccak256(abi.encode(pool)) != d.poolHash) revert IMandates.MandateDrawPoolMismatch(drawId);
        uint256 randomness = $.randomness.reveal(d.ticket, proof);
        _pruneExpired();

        $.drawsSettled = uint128(drawId); // drawId == drawsSettled + 1 <= drawCount
        Grant memory g = $.drawGrants[drawId];
        g.holder = Sortition.pick(pool, randomness, _isEligible, g.roleId, g.proposer);
        if (g.holder == address(0)) {
            d.status = IMandates.DrawStatus.Void;
            emit IMandates.DrawVoided(drawId, randomness);
            return 0;
        }
        d.status = IMandates.DrawStatus.Completed;
        if (g.roleId == FACILITATOR_ROLE) $.lastFacilitator = g.holder;
        mandateId = _grant(g, $.drawPowers[drawId]);
        d.mandateId = mandateId;
        emit IMandates.DrawCompleted(drawId, mandateId, g.holder, randomness);
    }

    /// @notice See {IMandates-rerequestDraw}.
    function rerequestDraw(uint256 drawId) external {
        MandatesStorage storage $ = _mandatesStorage();
        IMandates.Draw storage d = $.draws[drawId];
        if (d.status != IMandates.DrawStatus.Pending) revert IMandates.MandateDrawNotPending(drawId);
        if (d.epoch != $.epoch) revert IMandates.MandateDrawCancelled(drawId);
        if (!$.randomness.isExpired(d.ticket)) revert IMandates.MandateDrawNotStale(drawId);
        uint256 ticket = $.randomness.request();
        d.ticket = ticket;
        emit IMandates.DrawRerequested(drawId, ticket);
    }

    /// @notice See {IMandates-updateRules}.
    function updateRules(MandateRules calldata rules_) external onlyCircle {
        CircleRulesLib.validate(rules_);
        MandatesStorage storage $ = _mandatesStorage();
        emit IMandates.MandateRulesUpdated($.rules, rules_);
        $.rules = rules_;
    }

    /// @dev Freezes the pool (leaving out `avoidRepeat` while anyone else is eligible) and a future ticket.
    function _requestDraw(Grant memory g, address avoidRepeat) private returns (uint256 drawId) {
        MandatesStorage storage $ = _mandatesStorage();
        _checkRoleVacant(g.roleId);
        address[] memory pool = _eligiblePool(g.roleId, g.proposer);
        if (avoidRepeat != address(0) && pool.length > 1) pool = Sortition.without(pool, avoidRepeat);
        if (pool.length == 0) revert IMandates.MandateEmptyPool();

        drawId = ++$.drawCount; // 2^128 draws is out of reach
        uint256 ticket = $.randomness.request();
        $.draws[drawId] = IMandates.Draw({
            poolHash: keccak256(abi.encode(pool)),
            ticket: ticket,
            proposer: g.proposer,
            epoch: $.epoch,
            poolSize: uint8(pool.length),
            status: IMandates.DrawStatus.Pending,
            mandateId: 0
        });
        $.roles[g.roleId].draw = SafeCast.toUint40(drawId);
        g.drawn = true;
        $.drawGrants[drawId] = g;
        emit IMandates.DrawRequested(drawId, g.roleId, g.role, pool, ticket);
    }
}
