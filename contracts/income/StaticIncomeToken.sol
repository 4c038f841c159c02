// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20Upgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/ERC20Upgradeable.sol";
import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {ERC165, IERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {IIncomeWrapper} from "../interfaces/IIncomeWrappers.sol";
import {Demurrage} from "./Demurrage.sol";
import {IncomeHub} from "./IncomeHub.sol";

/// @title StaticIncomeToken
/// @notice An ERC-20 for one hub token in static (inflationary) units, which do not decay: a balance stays the same
/// number day after day, while the hub tokens it stands for (today's demurraged units) shrink by 7% a year. Suits
/// tools that expect balances to change only by transfers. Named "Commonweal static income 0x<address>" after the
/// person (or group) whose token it wraps, with symbol "sCWI-0x<first 2 bytes of the address>" (short for display,
/// so not unique); 18 decimals.
///
/// @dev Security reasoning:
/// - Wrapping is the hub's own transfer: the only way in is the hub calling {onERC1155Received} after it has moved
///   the tokens (the hub calls every contract receiver's hook, on every path), and the hook accepts only the hub as
///   caller and only this wrapper's id, and refuses batches. So every token minted here has arrived at the hub first.
/// - Unwrapping burns first and moves the hub tokens last (checks-effects-interactions): a receiver hook that calls
///   back finds the burn done, and the hub's own functions are `nonReentrant` while it runs.
/// - The wrapper never registers or trusts anyone at the hub, so no payment along trust can route through its
///   balance (nothing can flow in, so nothing can flow out of a vertex that must end where it started).
/// - Conversions use the hub's day and {Demurrage.toStatic} / {Demurrage.fromStatic}, both rounded down: wrapping
///   `amount` mints `toStatic(amount, today)`, unwrapping `s` sends `fromStatic(s, today)`.
/// - Invariant (up to rounding): the hub tokens all balances stand for today, `fromStatic(totalSupply, today)`, are
///   at most the wrapper's hub balance. Both conversions and the fixed-point powers behind them round down, so no
///   balance stands for more than its exact share; but the hub rounds its balance of the wrapper down too, whenever
///   it rewrites it on a new day (a wrap or unwrap): by under 1 wei + balance / 2^64 each time, about 55 wei per
///   1000 tokens. So {unwrap} sends what the wrapper holds when it would need more: the last holder to unwrap may
///   get a few wei less.
/// - A clone is initialized by the factory in the transaction that creates it, and only the factory may do so; the
///   implementation itself cannot be initialized.
contract StaticIncomeToken is ERC20Upgradeable, ERC165, IERC1155Receiver, IIncomeWrapper {
    /// @custom:storage-location erc7201:commonweal.storage.StaticIncomeToken
    struct StaticStorage {
        uint256 id;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.StaticIncomeToken")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STATIC_STORAGE = 0x1dfb67bd31809ef31d3085e5c7105ad4743ae4069e3740b7c1a9a0429d7fca00;

    /// @notice The factory that deployed this implementation: the only caller of {initialize} on its clones.
    address public immutable factory;

    /// @dev In the implementation's code, so shared by all its clones at no storage cost.
    IncomeHub private immutable _hub;

    /// @param hub_ The hub whose tokens the clones wrap.
    constructor(address hub_) {
        factory = msg.sender;
        _hub = IncomeHub(hub_);
        _disableInitializers();
    }

    /// @inheritdoc IIncomeWrapper
    function initialize(uint256 id_) external initializer {
        if (msg.sender != factory) revert IncomeWrapperOnlyFactory(msg.sender);
        // The factory passes ids below 2^160 only: hub token ids are addresses.
        __ERC20_init(
            string.concat("Commonweal static income ", Strings.toHexString(address(uint160(id_)))),
            string.concat("sCWI-", Strings.toHexString(id_ >> 144, 2))
        );
        _storage().id = id_;
    }

    // ------------------------------------------------------------------
    // Wrapping
    // ------------------------------------------------------------------

    /// @notice Wraps: mints `toStatic(value, today)` to `from` for the `value` hub tokens just received. Only the
    /// hub, only this wrapper's id. Send with `hub.safeTransferFrom(holder, wrapper, id, value, "")`.
    /// @param from The holder the tokens came from, who receives the ERC-20 tokens.
    /// @param id_ The token received.
    /// @param value How much was received, in today's demurraged units.
    /// @return The hook's selector, accepting the transfer.
    function onERC1155Received(
        address,
        address from,
        uint256 id_,
        uint256 value,
        bytes calldata
    ) external returns (bytes4) {
        _checkReceipt(id_);
        uint256 minted = Demurrage.toStatic(value, _hub.today());
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
    /// @dev `amount` is in static units; sends `min(fromStatic(amount, today), the wrapper's hub balance)`: see the
    /// contract's header for why it can be short.
    function unwrap(uint256 amount) external returns (uint256 hubAmount) {
        _burn(msg.sender, amount);
        hubAmount = _hubAmount(amount);
        emit Unwrapped(msg.sender, amount, hubAmount);
        _hub.safeTransferFrom(address(this), msg.sender, _storage().id, hubAmount, "");
    }

    /// @inheritdoc IIncomeWrapper
    function previewWrap(uint256 hubAmount) external view returns (uint256) {
        return Demurrage.toStatic(hubAmount, _hub.today());
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
        return _storage().id;
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view override(ERC165, IERC165) returns (bool) {
        return interfaceId == type(IERC1155Receiver).interfaceId || super.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    /// @dev The hub tokens `amount` static units stand for today, capped at what the wrapper holds.
    function _hubAmount(uint256 amount) private view returns (uint256) {
        uint256 value = Demurrage.fromStatic(amount, _hub.today());
        uint256 held = _hub.balanceOf(address(this), _storage().id);
        return value < held ? value : held;
    }

    function _checkReceipt(uint256 id_) private view {
        if (msg.sender != address(_hub)) revert IncomeWrapperNotHub(msg.sender);
        uint256 expected = _storage().id;
        if (id_ != expected) revert IncomeWrapperWrongId(id_, expected);
    }

    function _storage() private pure returns (StaticStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            $.slot := STATIC_STORAGE
        }
    }
}
