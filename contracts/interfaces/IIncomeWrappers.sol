// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Two interfaces in one file: the wrappers and the factory that creates them are one external surface (a wrapper is
// found, and known to be genuine, through the factory's `wrapperOf`).

/// @title IIncomeWrapper
/// @notice An ERC-20 for one basic-income token of the hub, so DEX and wallet tools can handle it. Holders wrap by
/// sending the hub token to the wrapper (`hub.safeTransferFrom(holder, wrapper, id, amount, "")`) and unwrap with
/// {unwrap}. Two flavours: demurraged (balances lose 7% a year, exactly like the hub's) and static (balances in
/// inflationary units that do not decay).
interface IIncomeWrapper {
    /// @notice Hub tokens came in and ERC-20 tokens were minted for them.
    /// @param account Who sent the hub tokens and received the ERC-20 tokens.
    /// @param hubAmount The hub tokens received, in today's demurraged units.
    /// @param minted The ERC-20 tokens minted, in this wrapper's units.
    event Wrapped(address indexed account, uint256 hubAmount, uint256 minted);

    /// @notice ERC-20 tokens were burned and hub tokens sent back for them.
    /// @param account Who burned the ERC-20 tokens and received the hub tokens.
    /// @param burned The ERC-20 tokens burned, in this wrapper's units.
    /// @param hubAmount The hub tokens sent, in today's demurraged units.
    event Unwrapped(address indexed account, uint256 burned, uint256 hubAmount);

    /// @notice Only the hub may deliver tokens to the wrapper.
    /// @param caller The contract or account that called the receiver hook.
    error IncomeWrapperNotHub(address caller);

    /// @notice The wrapper holds one token only.
    /// @param id The token id received.
    /// @param expected The wrapper's token id.
    error IncomeWrapperWrongId(uint256 id, uint256 expected);

    /// @notice Batch transfers are refused: a wrapper takes one token, sent with `safeTransferFrom`.
    error IncomeWrapperBatchRefused();

    /// @notice Only the factory that deployed the implementation may initialize its clones.
    /// @param caller The caller.
    error IncomeWrapperOnlyFactory(address caller);

    /// @notice Sets the wrapper's token id, name and symbol. Only the factory, once, right after cloning.
    /// @param id The hub token id (a person's or group's address as a number).
    function initialize(uint256 id) external;

    /// @notice Burns `amount` of the caller's ERC-20 tokens and sends them the hub tokens they stand for today, or
    /// all the wrapper holds if that is less (rounding can leave it a few wei short; see the implementation).
    /// @param amount ERC-20 tokens to burn, in this wrapper's units.
    /// @return hubAmount The hub tokens sent.
    function unwrap(uint256 amount) external returns (uint256 hubAmount);

    /// @notice What wrapping `hubAmount` of the hub token would mint today.
    /// @param hubAmount Hub tokens, in today's demurraged units.
    /// @return The ERC-20 tokens minted for them.
    function previewWrap(uint256 hubAmount) external view returns (uint256);

    /// @notice What unwrapping `amount` would send today (capped at what the wrapper holds).
    /// @param amount ERC-20 tokens, in this wrapper's units.
    /// @return The hub tokens sent for them.
    function previewUnwrap(uint256 amount) external view returns (uint256);

    /// @notice The hub whose token this wraps.
    /// @return The hub.
    function hub() external view returns (address);

    /// @notice The factory that created this wrapper (the only caller of {initialize}).
    /// @return The factory.
    function factory() external view returns (address);

    /// @notice The hub token id this wraps.
    /// @return The id.
    function id() external view returns (uint256);
}

/// @title IIncomeWrappers
/// @notice Creates the ERC-20 wrappers of hub tokens on demand, one per token id and flavour, at addresses known in
/// advance.
interface IIncomeWrappers {
    /// @notice How a wrapper counts: in demurraged units that decay like the hub's, or in static units that do not.
    enum Flavour {
        Demurraged,
        Static
    }

    /// @notice A wrapper was created.
    /// @param id The hub token id it wraps.
    /// @param flavour Its flavour.
    /// @param wrapper Its address, {wrapperOf}(id, flavour).
    event WrapperCreated(uint256 indexed id, Flavour indexed flavour, address indexed wrapper);

    /// @notice The id is not a hub token id: those are addresses as numbers, below 2^160.
    /// @param id The id.
    error IncomeWrappersInvalidId(uint256 id);

    /// @notice Creates the wrapper of `id` in `flavour`, or returns it if it exists already. Anyone may call.
    /// @param id A hub token id (an address as a number).
    /// @param flavour The flavour.
    /// @return wrapper The wrapper, at {wrapperOf}(id, flavour).
    function createWrapper(uint256 id, Flavour flavour) external returns (address wrapper);

    /// @notice The address the wrapper of `id` in `flavour` has, or will have once created.
    /// @param id A hub token id (an address as a number).
    /// @param flavour The flavour.
    /// @return The wrapper's address.
    function wrapperOf(uint256 id, Flavour flavour) external view returns (address);

    /// @notice The implementation the wrappers of `flavour` are clones of.
    /// @param flavour The flavour.
    /// @return The implementation.
    function implementationOf(Flavour flavour) external view returns (address);

    /// @notice The hub whose tokens are wrapped.
    /// @return The hub.
    function hub() external view returns (address);
}
