// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleRegistry} from "../interfaces/ICircleRegistry.sol";
import {MutualCredit} from "./MutualCredit.sol";

/// @title CreditFactory
/// @notice Creates a circle's mutual-credit currency at an address known in advance, so that one proposal can both
/// create it and register it as the circle's role module (so departures move balances to the commons).
/// @dev Each currency is a full contract (CREATE2, salt = the circle), not a clone: a currency is long-lived and
/// paid with often, and a clone's delegate call would add ~2.7k gas to every payment for ~2M gas saved once.
contract CreditFactory {
    /// @notice The registry whose circles may create a currency.
    ICircleRegistry public immutable registry;

    /// @dev Hash of the currency's creation code, which takes no arguments, so its address depends on the circle only.
    bytes32 private immutable currencyCodeHash;

    /// @notice A circle created its currency.
    /// @param circle The circle.
    /// @param currency The currency.
    event CurrencyCreated(address indexed circle, address indexed currency);

    /// @notice The caller is not a circle of the registry.
    /// @param caller The caller.
    error CreditFactoryNotCircle(address caller);

    /// @notice The circle already has its currency (one per circle).
    /// @param circle The circle.
    /// @param currency Its currency.
    error CreditFactoryCurrencyExists(address circle, address currency);

    constructor(address registry_) {
        registry = ICircleRegistry(registry_);
        currencyCodeHash = keccak256(type(MutualCredit).creationCode);
    }

    /// @notice Creates the calling circle's currency (one per circle). Only a circle, by its own decision.
    /// @param name The currency's name (also its EIP-712 domain name for permits).
    /// @param symbol Its symbol.
    /// @param decimals Its decimals.
    /// @param defaultCredit How far below zero accounts without limits of their own may go.
    /// @param defaultSaturation How far above zero they may go (`type(uint256).max`: unlimited).
    /// @return currency The new currency, at {currencyOf}(circle).
    function createCurrency(
        string calldata name,
        string calldata symbol,
        uint8 decimals,
        uint256 defaultCredit,
        uint256 defaultSaturation
    ) external returns (address currency) {
        if (!registry.isCircle(msg.sender)) revert CreditFactoryNotCircle(msg.sender);
        address predicted = currencyOf(msg.sender);
        if (predicted.code.length != 0) revert CreditFactoryCurrencyExists(msg.sender, predicted);
        currency = address(new MutualCredit{salt: _salt(msg.sender)}());
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
    /// @param circle The circle.
    /// @return The currency's address.
    function currencyOf(address circle) public view returns (address) {
        return Create2.computeAddress(_salt(circle), currencyCodeHash);
    }

    function _salt(address circle) private pure returns (bytes32) {
        return bytes32(uint256(uint160(circle)));
    }
}
