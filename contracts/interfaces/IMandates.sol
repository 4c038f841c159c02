// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICircleRules, MandateRules} from "./ICircleRules.sol";

/// @title IMandates
/// @notice Nobody in a circle holds standing power: authority is a mandate for one issue, held by one member, with
/// an end date. A mandate is granted by the circle's decision, or drawn by lot among the eligible members; it may
/// carry an allowlist of calls its holder can have the circle perform; it ends by expiry, completion, hand-back,
/// recall by a majority, the holder leaving, or a hard reset, and every ending is an event with its reason.
/// @dev Inherits {ICircleRules} so that the rule errors `updateRules` may revert with are in this ABI.
interface IMandates is ICircleRules {
    /// @notice One call a mandate lets its holder have the circle perform: `target.selector(...)`, within caps.
    /// @param target The contract called.
    /// @param selector The function selector; `0x00000000` for a plain value transfer.
    /// @param maxValue The most wei one call may send from the circle; zero means it may send none.
    /// @param maxAmount For the ERC-20 selectors `transfer`, `approve` and `transferFrom`: the most tokens one call
    /// may move or approve (its `amount` argument), required non-zero for them; ignored for other selectors.
    struct Power {
        address target;
        bytes4 selector;
        uint128 maxValue;
        uint128 maxAmount;
    }

    /// @notice What a mandate is for, as the circle decides it.
    /// @param role The named role (e.g. "treasurer", "delegate to the water council"); term limits count per role,
    /// and a role has at most one live mandate.
    /// @param title A short title of the issue.
    /// @param scopeHash Hash of the full scope text.
    /// @param duration Seconds from grant to expiry, at most the rules' `maxTerm`.
    /// @param powers The calls the holder may have the circle perform (at most {MAX_POWERS}), each (target, selector)
    /// at most once.
    struct MandateSpec {
        string role;
        string title;
        bytes32 scopeHash;
        uint32 duration;
        Power[] powers;
    }

    /// @notice Why a mandate ended.
    enum EndReason {
        None,
        Expired,
        Completed,
        HandedBack,
        Recalled,
        Reset,
        HolderLeft
    }

    /// @notice A mandate as stored.
    /// @param holder Who holds it.
    /// @param grantedAt When it was granted.
    /// @param expiresAt When it expires.
    /// @param proposer Who proposed the decision that granted it (zero for the facilitator draw).
    /// @param endedAt When it ended (zero while live; the expiry time for an expired one).
    /// @param endReason Why it ended.
    /// @param drawn Whether the holder was drawn by lot.
    /// @param roleId keccak256 of the role name.
    /// @param scopeHash Hash of the scope text.
    struct Mandate {
        address holder;
        uint48 grantedAt;
        uint48 expiresAt;
        address proposer;
        uint48 endedAt;
        EndReason endReason;
        bool drawn;
        bytes32 roleId;
        bytes32 scopeHash;
    }

    /// @notice The state of a draw by lot.
    enum DrawStatus {
        None,
        Pending,
        Completed,
        Void
    }

    /// @notice A draw by lot as stored.
    /// @param poolHash keccak256(abi.encode(pool)) of the frozen pool of eligible members.
    /// @param ticket The randomness source's ticket.
    /// @param proposer Who proposed the draw (barred from the pool when the proposer steps aside).
    /// @param epoch The circle's reset epoch at request; a reset cancels the draw.
    /// @param poolSize Members in the pool.
    /// @param status Pending, Completed, or Void (nobody in the pool was eligible at completion).
    /// @param mandateId The mandate granted on completion.
    struct Draw {
        bytes32 poolHash;
        uint256 ticket;
        address proposer;
        uint64 epoch;
        uint8 poolSize;
        DrawStatus status;
        uint256 mandateId;
    }

    /// @notice A mandate was granted.
    /// @param mandateId The mandate.
    /// @param roleId keccak256 of the role name.
    /// @param holder The holder.
    /// @param role The role name.
    /// @param title The issue's short title.
    /// @param scopeHash Hash of the scope text.
    /// @param proposer Who proposed it (zero for a facilitator draw).
    /// @param expiresAt When it expires.
    /// @param drawn Whether the holder was drawn by lot.
    event MandateGranted(
        uint256 indexed mandateId,
        bytes32 indexed roleId,
        address indexed holder,
        string role,
        string title,
        bytes32 scopeHash,
        address proposer,
        uint64 expiresAt,
        bool drawn
    );

    /// @notice A mandate allows one more call.
    /// @param mandateId The mandate.
    /// @param target The contract the holder may have the circle call.
    /// @param selector The function.
    /// @param maxValue The most wei one call may send.
    /// @param maxAmount The most tokens one ERC-20 `transfer`/`approve`/`transferFrom` call may move or approve.
    event PowerGranted(
        uint256 indexed mandateId,
        address indexed target,
        bytes4 selector,
        uint128 maxValue,
        uint128 maxAmount
    );

    /// @notice A holder had the circle perform a call through their mandate.
    /// @param mandateId The mandate.
    /// @param holder The holder.
    /// @param target The contract called.
    /// @param selector The function called.
    /// @param value Wei sent from the circle.
    event MandateActed(
        uint256 indexed mandateId,
        address indexed holder,
        address indexed target,
        bytes4 selector,
        uint256 value
    );

    /// @notice A mandate ended.
    /// @param mandateId The mandate.
    /// @param holder Its holder.
    /// @param roleId Its role.
    /// @param reason Why.
    event MandateEnded(uint256 indexed mandateId, address indexed holder, bytes32 indexed roleId, EndReason reason);

    /// @notice Power changed hands willingly: a holder completed or handed back a mandate before its expiry.
    /// The public ledger counts these; the seeds celebrate them.
    /// @param mandateId The mandate.
    /// @param holder The holder who stepped down.
    /// @param roleId The role.
    /// @param completed True when the task was done, false when handed back undone.
    event HandOff(uint256 indexed mandateId, address indexed holder, bytes32 indexed roleId, bool completed);

    /// @notice A member signalled to recall a mandate.
    /// @param mandateId The mandate.
    /// @param member The member.
    /// @param signals Signals from current members, including this one.
    /// @param needed Signals that make a majority of the current members.
    event RecallSignalled(uint256 indexed mandateId, address indexed member, uint256 signals, uint256 needed);

    /// @notice A draw by lot was requested; the pool is frozen and the randomness fixed in the future.
    /// @param drawId The draw.
    /// @param roleId The role.
    /// @param role The role name.
    /// @param pool The eligible members, in the order the draw uses.
    /// @param ticket The randomness source's ticket.
    event DrawRequested(uint256 indexed drawId, bytes32 indexed roleId, string role, address[] pool, uint256 ticket);

    /// @notice A stale draw got a fresh ticket.
    /// @param drawId The draw.
    /// @param ticket The new ticket.
    event DrawRerequested(uint256 indexed drawId, uint256 ticket);

    /// @notice A draw was completed.
    /// @param drawId The draw.
    /// @param mandateId The mandate granted.
    /// @param holder The member drawn.
    /// @param randomness The revealed randomness.
    event DrawCompleted(uint256 indexed drawId, uint256 indexed mandateId, address indexed holder, uint256 randomness);

    /// @notice Nobody in the frozen pool was eligible when the draw was completed: it grants nothing, and the role is
    /// free for a new decision.
    /// @param drawId The draw.
    /// @param randomness The revealed randomness.
    event DrawVoided(uint256 indexed drawId, uint256 randomness);

    /// @notice The circle changed its mandate rules.
    /// @param oldRules Before.
    /// @param newRules After.
    event MandateRulesUpdated(MandateRules oldRules, MandateRules newRules);

    /// @notice The circle changed its randomness source.
    /// @param oldSource Before.
    /// @param newSource After.
    event RandomnessSourceSet(address oldSource, address newSource);

    /// @notice Every live mandate ended with the circle's reset; pending draws are cancelled.
    /// @param epoch The circle's new reset epoch.
    /// @param ended How many live mandates ended.
    event MandatesReset(uint64 indexed epoch, uint256 ended);

    /// @notice The caller is not the circle.
    /// @param caller The caller.
    error MandateOnlyCircle(address caller);

    /// @notice A call for a module (a draw or an audit) reached the implementation itself, not a circle's clone: the
    /// modules read the circle's parts from a clone's code, which the implementation's code is not.
    error MandateNotClone();

    /// @notice No mandate has this id.
    /// @param mandateId The id.
    error MandateNotFound(uint256 mandateId);

    /// @notice The mandate has ended.
    /// @param mandateId The mandate.
    /// @param endedAt When.
    /// @param reason Why.
    error MandateAlreadyEnded(uint256 mandateId, uint64 endedAt, EndReason reason);

    /// @notice The mandate expired.
    /// @param mandateId The mandate.
    /// @param expiredAt When.
    error MandateExpired(uint256 mandateId, uint64 expiredAt);

    /// @notice The mandate has not expired yet.
    /// @param mandateId The mandate.
    /// @param expiresAt When it will.
    error MandateNotExpired(uint256 mandateId, uint64 expiresAt);

    /// @notice Only the mandate's holder may do this.
    /// @param mandateId The mandate.
    /// @param caller The caller.
    error MandateNotHolder(uint256 mandateId, address caller);

    /// @notice The mandate does not allow this call.
    /// @param mandateId The mandate.
    /// @param target The contract.
    /// @param selector The function.
    error MandatePowerNotGranted(uint256 mandateId, address target, bytes4 selector);

    /// @notice A mandate can never be given power over the circle's own governance (the circle, its membership,
    /// rituals or mandates) or over the zero address.
    /// @param target The target refused.
    error MandateForbiddenPower(address target);

    /// @notice The call would send more wei from the circle than the power allows per call.
    /// @param mandateId The mandate.
    /// @param cap The power's `maxValue`.
    /// @param value The wei asked for.
    error MandateValueOverCap(uint256 mandateId, uint256 cap, uint256 value);

    /// @notice The ERC-20 `transfer`/`approve`/`transferFrom` would move or approve more than the power allows per
    /// call.
    /// @param mandateId The mandate.
    /// @param cap The power's `maxAmount`.
    /// @param amount The amount in the call.
    error MandateAmountOverCap(uint256 mandateId, uint256 cap, uint256 amount);

    /// @notice A power over an ERC-20 `transfer`, `approve` or `transferFrom` must carry a non-zero `maxAmount`.
    /// @param target The target.
    /// @param selector The selector.
    error MandateAmountCapRequired(address target, bytes4 selector);

    /// @notice A mandate lists each (target, selector) at most once: one call, one set of caps.
    /// @param target The target listed twice.
    /// @param selector The selector listed twice.
    error MandateDuplicatePower(address target, bytes4 selector);

    /// @notice Too many powers in one mandate.
    /// @param count Powers given.
    /// @param max The cap.
    error MandateTooManyPowers(uint256 count, uint256 max);

    /// @notice The duration is zero or longer than the rules' maximum term.
    /// @param duration The duration given.
    /// @param maxTerm The maximum term.
    error MandateInvalidDuration(uint32 duration, uint32 maxTerm);

    /// @notice The role name is empty.
    error MandateEmptyRole();

    /// @notice The role already has a live mandate.
    /// @param roleId The role.
    /// @param mandateId Its live mandate.
    error MandateRoleOccupied(bytes32 roleId, uint256 mandateId);

    /// @notice The circle already has the most live mandates allowed.
    /// @param cap The cap.
    error MandateTooManyLive(uint256 cap);

    /// @notice The holder is not a member of the circle.
    /// @param account The account.
    error MandateNotMember(address account);

    /// @notice The member who proposed a mandate cannot hold it.
    /// @param proposer The proposer.
    error MandateProposerCannotHold(address proposer);

    /// @notice The member is in a dominance cooldown from the temperature check.
    /// @param member The member.
    /// @param until When it ends.
    error MandateHolderCooledDown(address member, uint64 until);

    /// @notice The member has held this role for the most consecutive terms and must sit out until `availableAt`.
    /// @param roleId The role.
    /// @param member The member.
    /// @param availableAt When they may hold it again.
    error MandateTermLimitReached(bytes32 roleId, address member, uint64 availableAt);

    /// @notice The member already holds the most live mandates allowed.
    /// @param member The member.
    /// @param max The limit.
    error MandateHolderAtLimit(address member, uint8 max);

    /// @notice The member already signalled to recall this mandate.
    /// @param mandateId The mandate.
    /// @param member The member.
    error MandateAlreadySignalledRecall(uint256 mandateId, address member);

    /// @notice The recall signature is not the member's.
    /// @param member The member.
    error MandateInvalidSignature(address member);

    /// @notice The signature arrays differ in length.
    error MandateSignatureLengthMismatch();

    /// @notice Acting through a mandate needs a charter in force.
    /// @param circle The circle.
    error MandateCharterLapsed(address circle);

    /// @notice No draw has this id, or it is not pending.
    /// @param drawId The draw.
    error MandateDrawNotPending(uint256 drawId);

    /// @notice A hard reset since the request cancelled the draw.
    /// @param drawId The draw.
    error MandateDrawCancelled(uint256 drawId);

    /// @notice The pool given is not the one frozen at the request.
    /// @param drawId The draw.
    error MandateDrawPoolMismatch(uint256 drawId);

    /// @notice Draws complete in the order they were requested: an earlier draw is still pending.
    /// @param drawId The draw asked for.
    /// @param next The draw that must complete first.
    error MandateDrawOutOfOrder(uint256 drawId, uint256 next);

    /// @notice The draw's randomness can still be revealed: complete it instead of re-requesting.
    /// @param drawId The draw.
    error MandateDrawNotStale(uint256 drawId);

    /// @notice Nobody is eligible for the draw.
    error MandateEmptyPool();

    /// @notice The circle has no rotating facilitator (its facilitation period is zero).
    error MandateNoFacilitation();

    /// @notice A draw for this role is pending: the role cannot be granted or drawn again until it completes.
    /// @param roleId The role.
    /// @param drawId The pending draw.
    error MandateRoleDrawPending(bytes32 roleId, uint256 drawId);

    /// @notice A page of a role's history was asked for with more entries than the cap.
    /// @param limit The page size asked for.
    /// @param max The cap.
    error MandateHistoryPageTooLarge(uint256 limit, uint256 max);

    /// @notice Sets up a circle's mandates. Called once by the registry on the clone, which it created with the
    /// circle, its membership and its rituals (for the dominance cooldown) as immutable arguments, in its code.
    /// @param randomness The randomness source for draws.
    /// @param badges The circle's mandate badges (the ERC-721 view of its mandates).
    /// @param rules The mandate rules, already validated.
    function initialize(address randomness, address badges, MandateRules calldata rules) external;

    /// @notice Grants a mandate to `holder`. Only by the circle's decision; the decision's proposer may not hold it
    /// when the rules say the proposer steps aside. Refused while the role is held or a draw for it is pending.
    /// @param spec What the mandate is for.
    /// @param holder Who holds it.
    /// @return mandateId The new mandate.
    function grant(MandateSpec calldata spec, address holder) external returns (uint256 mandateId);

    /// @notice Requests a draw by lot for a mandate. Only by the circle's decision. Freezes the pool of eligible
    /// members (all members minus the decision's proposer, the cooled down, the term-limited and those at their
    /// live-mandate limit) and fixes the randomness in the future.
    /// @param spec What the mandate is for.
    /// @return drawId The draw.
    function requestDraw(MandateSpec calldata spec) external returns (uint256 drawId);

    /// @notice Requests the next facilitator draw. Anyone, once the circle has no live facilitator and no pending
    /// facilitator draw. The last facilitator is left out of the pool while anyone else is eligible.
    /// @return drawId The draw.
    function requestFacilitatorDraw() external returns (uint256 drawId);

    /// @notice Completes a draw once its randomness is revealed. Anyone, but only the oldest pending draw: draws
    /// complete in the order they were requested. Picks uniformly among the members of the frozen pool who are still
    /// eligible; if none is, the draw is void ({DrawVoided}) and grants nothing.
    /// @param drawId The draw.
    /// @param pool The frozen pool, as emitted in {DrawRequested}.
    /// @param proof The randomness source's proof (for the default source, the target block's RLP header).
    /// @return mandateId The mandate granted (zero for a void draw).
    function completeDraw(
        uint256 drawId,
        address[] calldata pool,
        bytes calldata proof
    ) external returns (uint256 mandateId);

    /// @notice Gives a draw whose randomness can no longer be revealed a fresh ticket. Anyone. The pool stays.
    /// @param drawId The draw.
    function rerequestDraw(uint256 drawId) external;

    /// @notice Has the circle perform `target.call{value}(data)`, if the caller holds the live mandate and it
    /// allows that call within its caps (`value` at most `maxValue`; for ERC-20 `transfer`, `approve` and
    /// `transferFrom`, the amount at most `maxAmount`). Reverts as a whole if the call reverts.
    /// @param mandateId The mandate.
    /// @param target The contract.
    /// @param value Wei from the circle.
    /// @param data The calldata.
    /// @return result What the call returned.
    function act(
        uint256 mandateId,
        address target,
        uint256 value,
        bytes calldata data
    ) external returns (bytes memory result);

    /// @notice Marks the task done: the mandate ends with it. The holder or the circle.
    /// @param mandateId The mandate.
    function complete(uint256 mandateId) external;

    /// @notice The holder hands the mandate back before its expiry, task undone.
    /// @param mandateId The mandate.
    function handBack(uint256 mandateId) external;

    /// @notice The caller, a member, signals to recall a mandate. When a majority of the current members have
    /// signalled, the mandate ends in the same transaction.
    /// @param mandateId The mandate.
    function signalRecall(uint256 mandateId) external;

    /// @notice Submits recall signals that members signed off-chain (EIP-712 `Recall(uint256 mandateId,address
    /// member,uint256 nonce)`, domain "Commonweal Mandates" version "1"). Anyone may submit.
    /// @param mandateId The mandate.
    /// @param members The signers.
    /// @param signatures Their signatures, in order.
    function signalRecallBySig(uint256 mandateId, address[] calldata members, bytes[] calldata signatures) external;

    /// @notice Records the expiry of an expired mandate. Anyone.
    /// @param mandateId The mandate.
    function closeExpired(uint256 mandateId) external;

    /// @notice Ends every live mandate and cancels pending draws, and the running period's pair-link audit
    /// ({IMandateAudits-AuditCancelled}). Only the circle, on a hard reset or dissolution.
    /// @param epoch The circle's new reset epoch.
    function onCircleReset(uint64 epoch) external;

    /// @notice Ends the live mandates of a member who left. Only the circle.
    /// @param member The former member.
    function onMemberLeft(address member) external;

    /// @notice Replaces the mandate rules. Only by the circle's decision. Live mandates keep their expiry.
    /// @param rules The new rules.
    function updateRules(MandateRules calldata rules) external;

    /// @notice Replaces the randomness source for future draws. Only by the circle's decision.
    /// @param source The new source.
    function setRandomnessSource(address source) external;

    /// @notice A mandate.
    /// @param mandateId The mandate.
    function mandate(uint256 mandateId) external view returns (Mandate memory);

    /// @notice A mandate's powers.
    /// @param mandateId The mandate.
    function powers(uint256 mandateId) external view returns (Power[] memory);

    /// @notice Whether a mandate is live: granted, not ended, not expired.
    /// @param mandateId The mandate.
    function isLive(uint256 mandateId) external view returns (bool);

    /// @notice The live holder of a role, if any.
    /// @param roleId keccak256 of the role name.
    /// @return holder The holder (zero if vacant).
    /// @return mandateId The mandate (zero if vacant).
    function holderOf(bytes32 roleId) external view returns (address holder, uint256 mandateId);

    /// @notice The live mandates, at most {MAX_LIVE_MANDATES}.
    function liveMandates() external view returns (uint256[] memory);

    /// @notice How many live mandates `member` holds that count toward the live-mandate limit: all but auditors'
    /// mandates ({IMandateAudits}), which never make a member ineligible for facilitation or a grant.
    /// @param member The member.
    function liveCountOf(address member) external view returns (uint256);

    /// @notice The members eligible now for a role, leaving out `excluded` (e.g. a proposer).
    /// @param roleId The role.
    /// @param excluded A member to leave out, or zero.
    function eligiblePool(bytes32 roleId, address excluded) external view returns (address[] memory);

    /// @notice A member's record for a role.
    /// @param roleId The role.
    /// @param member The member.
    /// @return streak Consecutive terms held, if they were the role's last holder.
    /// @return availableAt When the member may hold it again after reaching the limit (zero if not limited).
    function termOf(bytes32 roleId, address member) external view returns (uint8 streak, uint64 availableAt);

    /// @notice How many mandates a role has had.
    /// @param roleId keccak256 of the role name.
    function roleHistoryLength(bytes32 roleId) external view returns (uint256);

    /// @notice A page of the mandates of a role, oldest first: who held it when can be read from each.
    /// @param roleId keccak256 of the role name.
    /// @param offset Index of the first.
    /// @param limit At most this many (at most 100, `MAX_HISTORY_PAGE`).
    function roleHistory(bytes32 roleId, uint256 offset, uint256 limit) external view returns (uint256[] memory);

    /// @notice A draw.
    /// @param drawId The draw.
    function draw(uint256 drawId) external view returns (Draw memory);

    /// @notice How many mandates were ever granted; ids run from 1 to this.
    function mandateCount() external view returns (uint256);

    /// @notice How many draws were ever requested; ids run from 1 to this.
    function drawCount() external view returns (uint256);

    /// @notice Recall signals of current members for a mandate, and how many make a majority.
    /// @param mandateId The mandate.
    function recallSignals(uint256 mandateId) external view returns (uint256 signals, uint256 needed);

    /// @notice The mandate rules.
    function rules() external view returns (MandateRules memory);

    /// @notice The randomness source.
    function randomnessSource() external view returns (address);

    /// @notice The circle.
    function circle() external view returns (address);

    /// @notice The circle's mandate badges: the soulbound ERC-721 wallets see.
    function badges() external view returns (address);

    /// @notice The member who facilitated last.
    function lastFacilitator() external view returns (address);
}
