// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

import {Circle} from "../../../contracts/circles/Circle.sol";
import {CircleMembership} from "../../../contracts/circles/CircleMembership.sol";
import {DecisionTarget} from "./DecisionTarget.sol";
import {Handler} from "./Handler.sol";

/// @notice A handler's view of one Governor (a circle or a council): it makes proposals, votes and executes through
/// it, keeps ghost tallies of every vote that went through, and watches every proposal's state after every action.
/// What breaks a guarantee is counted in a `violations` counter per guarantee, which the invariants require to be
/// zero (a handler never reverts on a broken guarantee: the runner would discard the call and hide it).
abstract contract GovernorWatch is Handler {
    /// @notice Most proposals tracked in one sequence; bounds every loop of the checks.
    uint256 public constant MAX_PROPOSALS = 12;

    /// @notice One proposal as the handler made it, and what it saw happen to it.
    struct Track {
        address proposer;
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
        bytes32 descriptionHash;
        uint256 electorateAt;
        /// Quorum computed independently when the proposal was made.
        uint256 quorum;
        uint256 forVotes;
        uint256 againstVotes;
        uint256 abstainVotes;
        address[] voters;
        bool executed;
        bool seenCanceled;
        IGovernor.ProposalState lastState;
        /// The DecisionTarget reference of a recorded decision, or 0.
        uint256 ref;
    }

    Circle public immutable governor;
    CircleMembership public immutable votes;
    DecisionTarget public immutable target;

    uint256[] public ids;
    mapping(uint256 proposalId => Track) internal _tracks;
    mapping(uint256 proposalId => mapping(address voter => uint256)) public ghostVotesBy;
    uint256 private _nextRef = 1;

    /// @notice Proposals executed so far (how far the sequence got, not a violation).
    uint256 public executions;
    /// @notice A vote was counted for an account that had already voted on the proposal.
    uint256 public doubleVotes;
    /// @notice A vote was counted for an account outside the proposal's electorate.
    uint256 public strangerVotes;
    /// @notice A proposal executed without quorum or without more votes for than against.
    uint256 public unsupportedExecutions;
    /// @notice A proposal's state moved backwards or left a final state.
    uint256 public backwardMoves;
    /// @notice A proposal was seen both executed and canceled.
    uint256 public executedAndCanceled;
    /// @notice The last thing that broke a guarantee, for the failure message.
    string public lastViolation;

    constructor(Circle governor_, CircleMembership votes_) {
        governor = governor_;
        votes = votes_;
        target = new DecisionTarget(address(governor_));
    }

    // ------------------------------------------------------------------
    // Actions shared by every governor
    // ------------------------------------------------------------------

    /// @dev `proposer` proposes one call; tracked if the governor accepts it.
    function _propose(address proposer, address callee, bytes memory data, uint256 ref) internal {
        if (ids.length == MAX_PROPOSALS) return;
        address[] memory targets = new address[](1);
        targets[0] = callee;
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = data;
        string memory description = string(abi.encodePacked("decision ", _nextRef));
        ++_nextRef;
        vm.prank(proposer);
        try governor.propose(targets, values, calldatas, description) returns (uint256 id) {
            ids.push(id);
            Track storage t = _tracks[id];
            t.proposer = proposer;
            t.targets = targets;
            t.values = values;
            t.calldatas = calldatas;
            t.descriptionHash = keccak256(bytes(description));
            t.electorateAt = governor.proposalSnapshot(id);
            t.quorum = _independentQuorum(t.electorateAt);
            t.ref = ref;
            t.lastState = governor.state(id);
        } catch {}
    }

    /// @dev A proposal made to record decision `ref` on the target.
    function _proposeRecord(address proposer) internal {
        uint256 ref = _nextRef;
        _propose(proposer, address(target), abi.encodeCall(DecisionTarget.record, (ref)), ref);
    }

    /// @dev `voter` votes; a vote that went through is checked against the electorate and earlier votes.
    function _vote(address voter, uint256 which, uint8 support) internal {
        if (ids.length == 0) return;
        uint256 id = ids[_proposalIndex(which, IGovernor.ProposalState.Active)];
        Track storage t = _tracks[id];
        bool votedBefore = ghostVotesBy[id][voter] != 0;
        vm.prank(voter);
        try governor.castVote(id, support % 3) {
            if (votedBefore) _violation("a vote counted twice", ++doubleVotes);
            if (votes.getPastVotes(voter, t.electorateAt) == 0 || !_mayVote(voter)) {
                _violation("a vote counted from outside the electorate", ++strangerVotes);
            }
            ++ghostVotesBy[id][voter];
            t.voters.push(voter);
            if (support % 3 == 0) ++t.againstVotes;
            else if (support % 3 == 1) ++t.forVotes;
            else ++t.abstainVotes;
        } catch {}
    }

    /// @dev Someone tries to execute a proposal; one that went through must have had quorum and a majority.
    function _execute(address caller, uint256 which) internal {
        if (ids.length == 0) return;
        uint256 id = ids[_proposalIndex(which, IGovernor.ProposalState.Succeeded)];
        Track storage t = _tracks[id];
        vm.prank(caller);
        try governor.execute(t.targets, t.values, t.calldatas, t.descriptionHash) {
            t.executed = true;
            ++executions;
            if (!_supported(t)) _violation("executed without quorum or majority", ++unsupportedExecutions);
        } catch {}
    }

    /// @dev The proposer (or anyone else) tries to cancel a proposal.
    function _cancel(address caller, uint256 which) internal {
        if (ids.length == 0) return;
        Track storage t = _tracks[ids[(which / 2) % ids.length]];
        vm.prank(caller);
        try governor.cancel(t.targets, t.values, t.calldatas, t.descriptionHash) {} catch {}
    }

    /// @dev Which proposal an action is about: for an even `which`, any (by `which`); for an odd one, the first in
    /// the `wanted` state if there is one, so sequences reach votes and executions that count.
    function _proposalIndex(uint256 which, IGovernor.ProposalState wanted) internal view returns (uint256) {
        if (which % 2 == 1) {
            for (uint256 i = 0; i < ids.length; ++i) if (governor.state(ids[i]) == wanted) return i;
        }
        return (which / 2) % ids.length;
    }

    /// @dev Reads every proposal's state and compares it with the last one seen. Called after every action.
    function _observe() internal {
        for (uint256 i = 0; i < ids.length; ++i) {
            Track storage t = _tracks[ids[i]];
            IGovernor.ProposalState next = governor.state(ids[i]);
            if (!allowedMove(t.lastState, next)) _violation(_moveText(t.lastState, next), ++backwardMoves);
            t.lastState = next;
            if (next == IGovernor.ProposalState.Canceled) t.seenCanceled = true;
            if (t.executed && t.seenCanceled) {
                _violation("a proposal both executed and canceled", ++executedAndCanceled);
            }
        }
    }

    // ------------------------------------------------------------------
    // Views for the invariants
    // ------------------------------------------------------------------

    /// @notice How many proposals are tracked.
    function proposalCount() external view returns (uint256) {
        return ids.length;
    }

    /// @notice The ghost record of proposal `id`.
    function track(uint256 id) external view returns (Track memory) {
        return _tracks[id];
    }

    /// @notice Whether a proposal may go from state `previous` to `next`. The order is Pending, Active, then one
    /// of Succeeded, Defeated or Canceled, then Executed or Expired; Canceled, Defeated, Executed and Expired are
    /// final; a succeeded proposal may still be canceled (a hard reset cancels what has not been executed), and
    /// only a succeeded proposal can become executed.
    function allowedMove(IGovernor.ProposalState previous, IGovernor.ProposalState next) public pure returns (bool) {
        if (previous == next) return true;
        if (_final(previous)) return false;
        if (next == IGovernor.ProposalState.Executed) return previous == IGovernor.ProposalState.Succeeded;
        if (previous == IGovernor.ProposalState.Succeeded) {
            return next == IGovernor.ProposalState.Canceled || next == IGovernor.ProposalState.Expired;
        }
        return _rank(next) > _rank(previous);
    }

    /// @notice Empty if every executed proposal had quorum and more votes for than against, counting only votes from
    /// its electorate, and if every decision that took effect on the target is an executed proposal; else what broke.
    function checkExecutedHadSupport() external view returns (string memory) {
        if (unsupportedExecutions != 0 || strangerVotes != 0) return lastViolation;
        uint256 recorded;
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 id = ids[i];
            Track storage t = _tracks[id];
            bool executed = governor.state(id) == IGovernor.ProposalState.Executed;
            if (executed != t.executed) return "executed outside the handler's execute";
            (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) = governor.proposalVotes(id);
            if (againstVotes != t.againstVotes || forVotes != t.forVotes || abstainVotes != t.abstainVotes) {
                return "the governor's tallies differ from the votes cast";
            }
            for (uint256 v = 0; v < t.voters.length; ++v) {
                if (votes.getPastVotes(t.voters[v], t.electorateAt) == 0) return "a voter outside the electorate";
            }
            if (executed && !_supported(t)) return "executed without quorum or majority";
            if (t.ref != 0) {
                if (target.hits(t.ref) != (executed ? 1 : 0)) return "a decision took effect without execution";
                if (executed) ++recorded;
            }
        }
        if (target.totalHits() != recorded) return "an effect without a decision";
        return "";
    }

    /// @notice Empty if no account's vote was counted twice on any proposal; else what broke.
    function checkOneVoteEach() external view returns (string memory) {
        if (doubleVotes != 0) return lastViolation;
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 id = ids[i];
            Track storage t = _tracks[id];
            (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) = governor.proposalVotes(id);
            if (againstVotes + forVotes + abstainVotes != t.voters.length) return "more votes than voters";
            for (uint256 v = 0; v < t.voters.length; ++v) {
                if (ghostVotesBy[id][t.voters[v]] != 1) return "a voter counted twice";
                if (!governor.hasVoted(id, t.voters[v])) return "a counted voter reads as not having voted";
            }
        }
        return "";
    }

    /// @notice Empty if no proposal's state ever moved backwards or left a final state; else what broke.
    function checkStatesMoveForward() external view returns (string memory) {
        if (backwardMoves != 0) return lastViolation;
        for (uint256 i = 0; i < ids.length; ++i) {
            IGovernor.ProposalState last = _tracks[ids[i]].lastState;
            IGovernor.ProposalState current = governor.state(ids[i]);
            if (!allowedMove(last, current)) return _moveText(last, current);
        }
        return "";
    }

    /// @notice Empty if no proposal was both executed and canceled; else what broke.
    function checkNeverExecutedAndCanceled() external view returns (string memory) {
        if (executedAndCanceled != 0) return lastViolation;
        for (uint256 i = 0; i < ids.length; ++i) {
            Track storage t = _tracks[ids[i]];
            IGovernor.ProposalState s = governor.state(ids[i]);
            if (t.executed && s == IGovernor.ProposalState.Canceled) return "an executed proposal reads canceled";
            if (t.seenCanceled && s == IGovernor.ProposalState.Executed) return "a canceled proposal executed";
        }
        return "";
    }

    /// @dev Quorum reached and more votes for than against, by the ghost tallies.
    function _supported(Track storage t) internal view returns (bool) {
        return t.forVotes > t.againstVotes && t.forVotes + t.abstainVotes >= t.quorum;
    }

    /// @dev Whether `voter` may vote now besides having been in the electorate (a council: its seat counts now).
    function _mayVote(address) internal view virtual returns (bool) {
        return true;
    }

    /// @dev The quorum of a proposal whose electorate was fixed at `timepoint`, computed without the governor.
    function _independentQuorum(uint256 timepoint) internal view virtual returns (uint256);

    /// @dev Remembers what broke; the counter was already raised by the caller.
    function _violation(string memory what, uint256) internal {
        lastViolation = what;
    }

    function _moveText(IGovernor.ProposalState a, IGovernor.ProposalState b) private pure returns (string memory) {
        return
            string(
                abi.encodePacked(
                    "a state moved backwards: ",
                    bytes1(uint8(48) + uint8(a)),
                    " to ",
                    bytes1(uint8(48) + uint8(b))
                )
            );
    }

    function _final(IGovernor.ProposalState s) private pure returns (bool) {
        return
            s == IGovernor.ProposalState.Canceled ||
            s == IGovernor.ProposalState.Defeated ||
            s == IGovernor.ProposalState.Executed ||
            s == IGovernor.ProposalState.Expired;
    }

    function _rank(IGovernor.ProposalState s) private pure returns (uint256) {
        if (s == IGovernor.ProposalState.Pending) return 0;
        if (s == IGovernor.ProposalState.Active) return 1;
        if (s == IGovernor.ProposalState.Executed || s == IGovernor.ProposalState.Expired) return 3;
        return 2;
    }
}
