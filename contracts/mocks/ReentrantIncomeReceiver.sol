// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";

/// @dev Test double: an ERC-1155 receiver that calls back into the hub from its receiver hook (bubbling any
/// revert), or refuses tokens, to test the hub's reentrancy guard and receiver checks.
contract ReentrantIncomeReceiver is IERC1155Receiver {
    address public immutable hub;
    bytes public reentry;
    bool public refuse;

    constructor(address hub_) {
        hub = hub_;
    }

    /// @dev Calls the hub as this contract (to register, claim or trust).
    function act(bytes calldata data) external {
        _call(data);
    }

    function setReentry(bytes calldata data) external {
        reentry = data;
    }

    function setRefuse(bool refuse_) external {
        refuse = refuse_;
    }

    function onERC1155Received(address, address, uint256, uint256, bytes calldata) external returns (bytes4) {
        if (reentry.length != 0) _call(reentry);
        return refuse ? bytes4(0) : IERC1155Receiver.onERC1155Received.selector;
    }

    function onERC1155BatchReceived(
        address,
        address,
        uint256[] calldata,
        uint256[] calldata,
        bytes calldata
    ) external returns (bytes4) {
        if (reentry.length != 0) _call(reentry);
        return refuse ? bytes4(0) : IERC1155Receiver.onERC1155BatchReceived.selector;
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC1155Receiver).interfaceId || interfaceId == type(IERC165).interfaceId;
    }

    function _call(bytes memory data) private {
        // A raw call, so the hub's own revert reaches the test unchanged.
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory result) = hub.call(data);
        if (!ok) {
            // solhint-disable-next-line no-inline-assembly
            assembly {
                revert(add(result, 32), mload(result))
            }
        }
    }
}
