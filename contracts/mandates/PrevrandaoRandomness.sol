// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BlockHeader} from "@openzeppelin/contracts/utils/BlockHeader.sol";

import {IRandomnessSource} from "../interfaces/IRandomnessSource.sol";

/// @title PrevrandaoRandomness
/// @notice The default randomness for sortition: the beacon chain's RANDAO value (`block.prevrandao`) of a block
/// fixed in the future at request time. Anyone reveals it afterwards by supplying that block's RLP header, which
/// the contract checks against the block hash the EVM knows; every revealer gets the same number.
///
/// @dev How fair it is, honestly:
/// - The requester fixes block `request block + DELAY` and cannot know its RANDAO value: it mixes in the reveals of
///   the proposers of the blocks in between.
/// - The completer has no choice at all: the value is fixed once the target block exists.
/// - Who can bias it: the proposers of the blocks up to the target. Each can compute the value their block leads
///   to and, if they dislike it, withhold their block (losing its reward), which swaps the outcome for another
///   random one. So an actor who controls the last proposer slot before the target gets one re-roll per slot
///   controlled; with a share `s` of all stake, the chance of controlling at least one of the `DELAY` slots is
///   about `1 - (1 - s)^DELAY`. That is bias, not control: they choose between random outcomes, not the holder.
///   For a circle choosing who takes out the compost, that is plenty; stakes high enough to pay validators to
///   miss blocks deserve a verifiable random function behind the same {IRandomnessSource} interface.
/// - On a local Hardhat or anvil node the "RANDAO" value is whatever the node puts in the header: fine for
///   development, meaningless as randomness.
/// - A ticket can be revealed for 256 blocks after its target (the BLOCKHASH window, which every EVM chain has).
///   After that it is expired and the draw must be re-requested.
contract PrevrandaoRandomness is IRandomnessSource {
    /// @notice How many blocks after the request the target block is.
    uint256 public constant DELAY = 4;

    /// @notice For how many blocks after the target its randomness can be revealed.
    uint256 public constant REVEAL_WINDOW = 256;

    /// @inheritdoc IRandomnessSource
    function request() external view returns (uint256 ticket) {
        return block.number + DELAY;
    }

    /// @inheritdoc IRandomnessSource
    function isReady(uint256 ticket) public view returns (bool) {
        return block.number > ticket && !isExpired(ticket);
    }

    /// @inheritdoc IRandomnessSource
    function isExpired(uint256 ticket) public view returns (bool) {
        return block.number > ticket + REVEAL_WINDOW;
    }

    /// @inheritdoc IRandomnessSource
    function reveal(uint256 ticket, bytes calldata proof) external view returns (uint256) {
        if (isExpired(ticket)) revert RandomnessExpired(ticket);
        if (block.number <= ticket) revert RandomnessNotReady(ticket);
        bytes memory header = proof;
        if (blockhash(ticket) != keccak256(header) || BlockHeader.getNumber(header) != ticket) {
            revert RandomnessInvalidProof(ticket);
        }
        return uint256(BlockHeader.getPrevRandao(header));
    }
}
