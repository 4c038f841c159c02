// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @notice Benchmark reference: a plain OpenZeppelin ERC20Votes token with a timestamp clock.
contract ReferenceVotesToken is ERC20, ERC20Permit, ERC20Votes {
    constructor() ERC20("Reference Votes", "RV") ERC20Permit("Reference Votes") {}

    /// @notice Mints `amount` to `to` (benchmark setup only).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice ERC-6372 clock: timestamps, like the circles.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock mode.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    /// @notice Permit nonces.
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
