// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20Upgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/ERC20Upgradeable.sol";
import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {ERC165, IERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {IIncomeWrapper} from "../interfaces/IIncomeWrappers.sol";
import {Demurrage, DiscountedBalance} from "./Demurrage.sol";
import {IncomeHub} from "./IncomeHub.sol";

/// @title DemurragedIncomeToken
/// @notice An ERC-20 for one hub token whose balances lose 7% a year exactly like the hub's: 1 wrapped token is 1 hub
/// token, today and on every later day. Named "Commonweal income 0x<address>" after the person (or group) whose
/// token it wraps, with symbol "CWI-0x<first 2 bytes of the address>" (short for display, so not unique); 18 decimals.
///
/// @dev Security reasoning:
/// - Wrapping is the hub's own transfer: the only way in is the hub calling {onERC1155Received} after it has moved
///   the tokens (the hub calls every contract receiver's hook, on every path), and the hook accepts only the hub as
///   caller and only this wrapper's id, and refuses batches. So every token minted here has arrived at the hub first.
/// - Unwrapping burns first and moves the hub tokens last (checks-effects-interactions): a receiver hook that calls
///   back finds the burn done, and the hub's own functions are `nonReentrant` while it runs.
/// - The wrapper never registers or trusts anyone at the hub, so no payment along trust can route through its
///   balance (nothing can flow in, so nothing can flow out of a vertex that must end where it started).
/// - Balances, and the total supply, are stored like the hub's ({DiscountedBalance}: a value and the day it was
///   written) and read through {Demurrage.valueOn} with the hub's own day. So while one holder holds all and only
///   wraps and unwraps, their balance equals the wrapper's hub balance to the wei: both are rewritten on the same
///   days by the same amounts.
/// - Invariant (up to rounding): the sum of balances is at most the wrapper's hub balance. Every balance here is
///   rounded down, and decays by a fixed-point power that is itself rounded down, so it never exceeds its exact
///   value; the exact values sum to the wrapper's exact hub balance, since wrapping, transfers and unwrapping move
///   equal amounts. But the hub rounds its balance of the wrapper down too, whenever it rewrites it on a new day
///   (a wrap or unwrap): by under 1 wei + balance / 2^64 each time, about 55 wei per 1000 tokens. So the sum can
///   exceed the hub balance by those few wei, and {unwrap} then sends what the wrapper holds: the last holder to
///   unwrap may get a few wei less. The other way round, separately rounded balances leave dust behind at the hub.
/// - For the same reason {totalSupply}, stored as one balance, can differ from the sum of balances by a few wei; a
///   burn that would take it below zero leaves it at zero.
/// - Amounts fit in 192 bits: what the hub delivers does ({Demurrage.MAX_VALUE}), and balances and the supply stay
///   within a few wei of the wrapper's hub balance, which the hub caps at {Demurrage.MAX_VALUE}. Stores are still
///   checked ({SafeCast}).
/// - A clone is initialized by the factory in the transaction that creates it, and only the factory may do so; the
///   implementation itself cannot be initialized.
contract DemurragedIncomeToken is ERC20Upgradeable, ERC165, IERC1155Receiver, IIncomeWrapper {
    /// @custom:storage-location erc7201:commonweal.storage.DemurragedIncomeToken
    struct DemurragedStorage {
        uint256 id;
        DiscountedBalance totalSupply;
        mapping(address account => DiscountedBalance) balances;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.DemurragedIncomeToken")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant DEMURRAGED_STORAGE = 0xdc3f6c79ed241bc054fc2b023b085d1f3fd48c2aba8bd548c241a243f948a300;

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
            string.concat("Commonweal income ", Strings.toHexString(address(uint160(id_)))),
            string.concat("CWI-", Strings.toHexString(id_ >> 144, 2))
        );
        _storage().id = id_;
    }

    // ------------------------------------------------------------------
    // Wrapping
    // ------------------------------------------------------------------

    /// @notice Wraps: mints `value` to `from` for the `value` hub tokens just received. Only the hub, only this
    /// wrapper's id. Send with `hub.safeTransferFrom(holder, wrapper, id, value, "")`.
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
        _checkReceipt(id_);
        _mint(from, value);
        emit Wrapped(from, value, value);
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
    /// @dev Sends `min(amount, the wrapper's hub balance)`: see the contract's header for why it can be short.
    function unwrap(uint256 amount) external returns (uint256 hubAmount) {
        _burn(msg.sender, amount);
        hubAmount = _capped(amount);
        emit Unwrapped(msg.sender, amount, hubAmount);
        _hub.safeTransferFrom(address(this), msg.sender, _storage().id, hubAmount, "");
    }

    /// @inheritdoc IIncomeWrapper
    function previewWrap(uint256 hubAmount) external pure returns (uint256) {
        return hubAmount;
    }

    /// @inheritdoc IIncomeWrapper
    function previewUnwrap(uint256 amount) external view returns (uint256) {
        return _capped(amount);
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

    /// @notice `account`'s balance today, after demurrage (the same as the hub tokens it stands for).
    function balanceOf(address account) public view override returns (uint256) {
        return Demurrage.valueOn(_storage().balances[account], _hub.today());
    }

    /// @notice All balances today, after demurrage (within a few wei of their sum: see the contract's header).
    function totalSupply() public view override returns (uint256) {
        return Demurrage.valueOn(_storage().totalSupply, _hub.today());
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view override(ERC165, IERC165) returns (bool) {
        return interfaceId == type(IERC1155Receiver).interfaceId || super.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    /// @dev Replaces ERC-20's plain balances (which stay unused) with demurraged ones; every mint, burn and transfer
    /// comes through here. Each touched balance is brought to today and stored with today's day.
    function _update(address from, address to, uint256 value) internal override {
        DemurragedStorage storage $ = _storage();
        uint256 day = _hub.today();
        if (from == address(0)) {
            $.totalSupply = _stored(Demurrage.valueOn($.totalSupply, day) + value, day);
        } else {
            uint256 fromBalance = Demurrage.valueOn($.balances[from], day);
            if (fromBalance < value) revert ERC20InsufficientBalance(from, fromBalance, value);
            $.balances[from] = _stored(fromBalance - value, day);
        }
        if (to == address(0)) {
            uint256 supply = Demurrage.valueOn($.totalSupply, day);
            // Rounded separately from the balances, the supply can be a few wei below their sum.
            $.totalSupply = _stored(supply > value ? supply - value : 0, day);
        } else {
            $.balances[to] = _stored(Demurrage.valueOn($.balances[to], day) + value, day);
        }
        emit Transfer(from, to, value);
    }

    function _capped(uint256 amount) private view returns (uint256) {
        uint256 held = _hub.balanceOf(address(this), _storage().id);
        return amount < held ? amount : held;
    }

    function _checkReceipt(uint256 id_) private view {
        if (msg.sender != address(_hub)) revert IncomeWrapperNotHub(msg.sender);
        uint256 expected = _storage().id;
        if (id_ != expected) revert IncomeWrapperWrongId(id_, expected);
    }

    function _stored(uint256 value, uint256 day) private pure returns (DiscountedBalance memory) {
        return DiscountedBalance(SafeCast.toUint192(value), uint64(day));
    }

    function _storage() private pure returns (DemurragedStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            $.slot := DEMURRAGED_STORAGE
        }
    }
}
