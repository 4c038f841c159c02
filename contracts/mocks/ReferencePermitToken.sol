// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @notice Benchmark reference: OpenZeppelin's ERC20 with ERC20Permit (EIP-2612) and an open mint, measured next to
/// the mutual-credit currency (transfer, transferFrom, permit).
contract ReferencePermitToken is ERC20, ERC20Permit {
    constructor() ERC20("Reference Permit", "RP") ERC20Permit("Reference Permit") {}

    /// @notice Mints `amount` to `to` (benchmark setup only).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
