// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20Upgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/ERC20Upgradeable.sol";
import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {ERC165, IERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {IIncomeWrapper} from "../interfaces/IIncomeWrappers.sol";
import {IncomeHub} from "./IncomeHub.sol";

/// @title IncomeWrapperBase
/// @notice What both ERC-20 wrappers of a hub token share: clone initialization by the factory, wrapping through the
/// hub's ERC-1155 receiver hook, unwrapping, and their views. A flavour says only how hub amounts convert to its own
/// units ({_toWrapped}, {_toHub}) and, if it must, how balances are kept.
///
/// @dev Security reasoning (shared by the flavours):
/// - Wrapping is the hub's own transfer: the only way in is the hub calling {onERC1155Received} after it has moved
///   the tokens (the hub calls every contract receiver's hook, on every path), and the hook accepts only the hub as
///   caller and only this wrapper's id, and refuses batches. So every token minted here has arrived at the hub first.
/// - Unwrapping burns first and moves the hub tokens last (checks-effects-interactions): a receiver hook that calls
///   back finds the burn done, and the hub's own functions are `nonReentrant` while it runs.
/// - The wrapper never registers or trusts anyone at the hub, so no payment along trust can route through its
///   balance (nothing can flow in, so nothing can flow out of a vertex that must end where it started).
/// - Unwrapping sends at most what the wrapper holds at the hub: the hub rounds its balance of the wrapper down
///   whenever it rewrites it on a new day, so the last holder to unwrap may get a few wei less (see each flavour).
/// - A clone is initialized by the factory in the transaction that creates it, and only the factory may do so; the
///   implementation itself cannot be initialized.
abstract contract IncomeWrapperBase is ERC20Upgradeable, ERC165, IERC1155Receiver, IIncomeWrapper {
    /// @custom:storage-location erc7201:commonweal.storage.IncomeWrapper
    struct WrapperStorage {
        uint256 id;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.IncomeWrapper")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant WRAPPER_STORAGE = 0x99a32e761941b2f6814f3f3b48aa44462eb528c44877a062bd1adc576e7c3900;

    /// @notice The factory that deployed this implementation: the only caller of {initialize} on its clones.
    address public immutable factory;

    /// @dev In the implementation's code, so shared by all its clones at no storage cost.
    IncomeHub internal immutable _hub;

    /// @param hub_ The hub whose tokens the clones wrap.
    constructor(address hub_) {
        factory = msg.sender;
        _hub = IncomeHub(hub_);
        _disableInitializers();
    }

    // ------------------------------------------------------------------
    // Wrapping
    // ------------------------------------------------------------------

    /// @notice Wraps: mints the flavour's units for the `value` hub tokens just received to `from`. Only the hub,
    /// only this wrapper's id. Send with `hub.safeTransferFrom(holder, wrapper, id, value, "")`.
    /// @param from The holder the tokens came from, who receives the ERC-20 tokens.
    /// @param id_ The token received.
    /// @param value How much was received, in today's units.
    /// @return The hook's selector, accepting the transfer.
    function onERC1155Received(
        address,
        address from,
        uint256 id_,
        uint256 value,
        bytes calldata
    ) external returns (bytes4) {
        if (msg.sender != address(_hub)) revert IncomeWrapperNotHub(msg.sender);
        uint256 expected = _wrapperStorage().id;
        if (id_ != expected) revert IncomeWrapperWrongId(id_, expected);
        uint256 minted = _toWrapped(value);
        _mint(from, minted);
        emit Wrapped(from, value, minted);
        return this.onERC1155Received.selector;
    }

    /// @notice Refuses every batch: a wrapper takes one token, sent with `safeTransferFrom`.
    function onERC1155BatchReceived(
        address,
        address,
        uint256[] calldata,
        uint256[] calldata,
        bytes calldata
    ) external pure returns (bytes4) {
        revert IncomeWrapperBatchRefused();
    }

    /// @inheritdoc IIncomeWrapper
    function unwrap(uint256 amount) external returns (uint256 hubAmount) {
        _burn(msg.sender, amount);
        hubAmount = _hubAmount(amount);
        emit Unwrapped(msg.sender, amount, hubAmount);
        _hub.safeTransferFrom(address(this), msg.sender, _wrapperStorage().id, hubAmount, "");
    }

    /// @inheritdoc IIncomeWrapper
    function previewWrap(uint256 hubAmount) external view returns (uint256) {
        return _toWrapped(hubAmount);
    }

    /// @inheritdoc IIncomeWrapper
    function previewUnwrap(uint256 amount) external view returns (uint256) {
        return _hubAmount(amount);
    }

    // ------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------

    /// @inheritdoc IIncomeWrapper
    function hub() external view returns (address) {
        return address(_hub);
    }

    /// @inheritdoc IIncomeWrapper
    function id() external view returns (uint256) {
        return _wrapperStorage().id;
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view override(ERC165, IERC165) returns (bool) {
        return interfaceId == type(IERC1155Receiver).interfaceId || super.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    /// @dev Sets the clone up for token `id_`, named `<namePrefix>0x<address>` and `<symbolPrefix>0x<first 2 bytes>`.
    function _initializeWrapper(uint256 id_, string memory namePrefix, string memory symbolPrefix) internal {
        if (msg.sender != factory) revert IncomeWrapperOnlyFactory(msg.sender);
        // The factory passes ids below 2^160 only: hub token ids are addresses.
        __ERC20_init(
            string.concat(namePrefix, Strings.toHexString(address(uint160(id_)))),
            string.concat(symbolPrefix, Strings.toHexString(id_ >> 144, 2))
        );
        _wrapperStorage().id = id_;
    }

    /// @dev The flavour's units minted for `hubAmount` hub tokens received today.
    function _toWrapped(uint256 hubAmount) internal view virtual returns (uint256);

    /// @dev The hub tokens `amount` of the flavour's units stand for today.
    function _toHub(uint256 amount) internal view virtual returns (uint256);

    /// @dev What unwrapping `amount` sends: its hub value, capped at what the wrapper holds.
    function _hubAmount(uint256 amount) private view returns (uint256) {
        uint256 value = _toHub(amount);
        uint256 held = _hub.balanceOf(address(this), _wrapperStorage().id);
        return value < held ? value : held;
    }

    function _wrapperStorage() private pure returns (WrapperStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            $.slot := WRAPPER_STORAGE
        }
    }
}
