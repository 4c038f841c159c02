// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleRegistry} from "../interfaces/ICircleRegistry.sol";
import {MutualCredit} from "./MutualCredit.sol";

/// @title CreditFactory
/// @notice Creates a circle's mutual-credit currency as a clone, at an address known in advance so that one proposal
/// can both create it and register it as the circle's role module (so departures move balances to the commons).
contract CreditFactory {
    /// @notice The currency implementation.
    address public immutable implementation;

    /// @notice The registry whose circles may create a currency.
    ICircleRegistry public immutable registry;

    /// @notice A circle created its currency.
    /// @param circle The circle.
    /// @param currency The currency.
    event CurrencyCreated(address indexed circle, address indexed currency);

    /// @notice The caller is not a circle of the registry.
    /// @param caller The caller.
    error CreditFactoryNotCircle(address caller);

    constructor(address implementation_, address registry_) {
        implementation = implementation_;
        registry = ICircleRegistry(registry_);
    }

    /// @notice Creates the calling circle's currency (one per circle). Only a circle, by its own decision.
    function createCurrency(
        string calldata name,
        string calldata symbol,
        uint8 decimals,
        uint256 defaultCredit,
        uint256 defaultSaturation
    ) external returns (address currency) {
        if (!registry.isCircle(msg.sender)) revert CreditFactoryNotCircle(msg.sender);
        currency = Clones.cloneDeterministic(implementation, bytes32(uint256(uint160(msg.sender))));
        MutualCredit(currency).initialize(
            msg.sender,
            ICircle(msg.sender).membership(),
            name,
            symbol,
            decimals,
            defaultCredit,
            defaultSaturation
        );
        emit CurrencyCreated(msg.sender, currency);
    }

    /// @notice The address `circle`'s currency has (or will have).
    function currencyOf(address circle) external view returns (address) {
        return Clones.predictDeterministicAddress(implementation, bytes32(uint256(uint160(circle))));
    }
}
