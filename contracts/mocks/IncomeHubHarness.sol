// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IncomeHub} from "../income/IncomeHub.sol";

/// @dev Test double: the hub with a mint open to tests, to reach balances near the 192-bit maximum.
contract IncomeHubHarness is IncomeHub {
    constructor(Config memory config) IncomeHub(config) {}

    function mintForTest(address to, uint256 id, uint256 value) external {
        _mint(to, id, value);
    }
}
