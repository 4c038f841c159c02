// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IMutualCredit
/// @notice A circle's mutual-credit currency: money created by trading. When Ana pays Ben 10, Ana's balance goes to
/// -10 and Ben's to +10; nobody mints, and the signed balances of all accounts always sum to exactly zero.
/// @dev ERC-20 view of signed balances: `balanceOf` is the positive part of an account's balance, `totalSupply` the
/// sum of the positive balances (the circle's outstanding credit); `signedBalanceOf` is the whole truth.
interface IMutualCredit {
    /// @notice A transfer carried a memo for the reciprocity ledger.
    /// @param from The payer.
    /// @param to The payee.
    /// @param amount The amount.
    /// @param memoHash Hash of the memo (e.g. of an off-chain description).
    /// @param memo An optional short memo.
    event Memo(address indexed from, address indexed to, uint256 amount, bytes32 indexed memoHash, string memo);

    /// @notice The circle set an account's limits.
    /// @param account The account.
    /// @param creditLimit How far below zero it may go.
    /// @param saturationLimit How far above zero it may go.
    event LimitsSet(address indexed account, uint256 creditLimit, uint256 saturationLimit);

    /// @notice The circle set the limits of accounts without limits of their own.
    /// @param creditLimit Default credit limit.
    /// @param saturationLimit Default saturation limit.
    event DefaultLimitsSet(uint256 creditLimit, uint256 saturationLimit);

    /// @notice The circle admitted a non-member account (such as its commons) to hold balances.
    /// @param account The account.
    event AccountAdmitted(address indexed account);

    /// @notice A departed member's balance moved to the commons, so the sum stays zero.
    /// @param member The former member.
    /// @param commons The commons account.
    /// @param balance The balance moved (negative: a debt the commons now carries).
    event BalanceMovedToCommons(address indexed member, address indexed commons, int256 balance);

    /// @notice A balance was cleared by a jubilee.
    /// @param account The account.
    /// @param balance The balance cleared.
    event BalanceCleared(address indexed account, int256 balance);

    /// @notice A member left an open-join council in debt: the debt stays on its account (it finds it if it rejoins).
    /// @param member The former member.
    /// @param balance The debt kept.
    event DepartedDebtKept(address indexed member, int256 balance);

    /// @notice A jubilee kept the other circles' clearing claims; this circle's commons carries their opposite.
    /// @param claims The sum of the kept clearing balances.
    event ClearingClaimsKept(int256 claims);

    /// @notice The circle declared a jubilee: every balance is zero again but the other circles' clearing claims
    /// (offset by the commons); the reciprocity ledger keeps its history.
    /// @param accounts How many balances were cleared or changed (the commons included).
    event Jubilee(uint256 accounts);

    /// @notice This circle opened a clearing line with another circle's currency, both seated in `council`.
    /// @param other The other currency.
    /// @param council The council both circles sit in.
    event ClearingLineOpened(address indexed other, address indexed council);

    /// @notice This circle closed its clearing line with another currency.
    /// @param other The other currency.
    event ClearingLineClosed(address indexed other);

    /// @notice A member paid a member of another circle through the two commons accounts.
    /// @param from The payer, here.
    /// @param other The other currency.
    /// @param to The payee, there.
    /// @param amount The amount, in both currencies.
    event PaidAcross(address indexed from, address indexed other, address indexed to, uint256 amount);

    /// @notice The other side of a cross-circle payment: this circle's commons paid a member here.
    /// @param other The other currency.
    /// @param to The payee.
    /// @param amount The amount.
    event ClearedIn(address indexed other, address indexed to, uint256 amount);

    /// @notice The contract is not a currency the factory made for a circle of its registry.
    /// @param other The contract.
    error MutualCreditNotACurrency(address other);

    /// @notice There is no open clearing line with that currency.
    /// @param other The other currency.
    error MutualCreditNoClearingLine(address other);

    /// @notice The two circles no longer both sit in the line's council: the line takes no new payments.
    /// @param council The council.
    error MutualCreditNotInCouncil(address council);

    /// @notice The account may not hold balances: it is neither a member nor admitted by the circle.
    /// @param account The account.
    error MutualCreditNotHolder(address account);

    /// @notice The payment would take the payer below their credit limit.
    /// @param account The payer.
    /// @param balanceAfter Their balance after the payment.
    /// @param creditLimit How far below zero they may go.
    error MutualCreditLimitExceeded(address account, int256 balanceAfter, uint256 creditLimit);

    /// @notice The payment would take the payee above their saturation limit.
    /// @param account The payee.
    /// @param balanceAfter Their balance after the payment.
    /// @param saturationLimit How far above zero they may go.
    error MutualCreditSaturationExceeded(address account, int256 balanceAfter, uint256 saturationLimit);

    /// @notice An amount or limit is too large (at most 2^100 - 1).
    /// @param value The value.
    error MutualCreditValueTooLarge(uint256 value);

    /// @notice Only the factory that deployed the currency initializes it.
    /// @param caller The caller.
    error MutualCreditOnlyFactory(address caller);

    /// @notice The caller is not the circle.
    /// @param caller The caller.
    error MutualCreditOnlyCircle(address caller);

    /// @notice The account may still hold (a member or admitted); only a departed member's account is closed.
    /// @param account The account.
    error MutualCreditStillHolder(address account);

    /// @notice Too many admitted accounts.
    /// @param cap The cap.
    error MutualCreditTooManyAdmitted(uint256 cap);

    /// @notice The permit's deadline has passed.
    /// @param deadline The deadline.
    error MutualCreditPermitExpired(uint256 deadline);

    /// @notice The permit is not signed by the owner.
    /// @param signer Who signed it.
    /// @param owner The owner.
    error MutualCreditInvalidSigner(address signer, address owner);

    /// @notice The account is the zero address.
    error MutualCreditZeroAddress();

    /// @notice The allowance is too small.
    /// @param spender The spender.
    /// @param allowance What is allowed.
    /// @param needed What the transfer needs.
    error MutualCreditInsufficientAllowance(address spender, uint256 allowance, uint256 needed);
}
