// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {EIP712Upgradeable} from "@openzeppelin/contracts-upgradeable/utils/cryptography/EIP712Upgradeable.sol";
import {NoncesUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/NoncesUpgradeable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {ICouncilSeats} from "../interfaces/ICouncilSeats.sol";
import {ICircleRoleModule} from "../interfaces/ICircleRoleModule.sol";
import {IMutualCredit} from "../interfaces/IMutualCredit.sol";
import {CreditAccount} from "./CreditAccount.sol";
import {CreditFactory} from "./CreditFactory.sol";

/// @title MutualCredit
/// @notice A circle's mutual-credit currency with a reciprocity ledger, and clearing lines to the currencies of
/// circles in the same council.
///
/// @dev Security reasoning:
/// - Invariant: the signed balances of all accounts sum to zero. Every change moves the same amount from one account
///   to another; a departure moves the whole balance to the commons (or, in an open-join council, leaves a debt on
///   the departed account); a jubilee zeroes every non-zero balance but the other circles' clearing claims, and sets
///   this circle's commons to their opposite. All of them are tracked in a set bounded by the members and admitted
///   accounts that hold one.
/// - Limits bind the side a payment makes worse: the payer's credit limit, the payee's saturation limit. An account
///   whose limit was lowered below its balance can only move back toward it.
/// - Only the circle sets limits, admits accounts and declares jubilees; only members and admitted accounts hold. In a
///   council's currency a member is a circle that HOLDS a seat ({ICouncilSeats-hasSeat}), filled or vacant, on
///   probation or not: a seat between two delegates is not a departure, so nobody can settle it to the commons.
/// - Leaving cannot drain the commons where others join without a decision: in an open-join council's currency a
///   circle that leaves in debt keeps its debt on its account (only a positive balance moves to the commons), and
///   finds it there if it rejoins. Where joining takes a decision (every circle, a closed council) the commons
///   carries a departed member's debt, as the members agreed by admitting them.
/// - A jubilee is this circle's alone and cannot wipe another circle's claim: the other circles' commons accounts
///   (opened by clearing lines, even closed since) keep their balances, and this circle's commons takes their
///   opposite so the sum stays zero. The other circle is not asked.
/// - Clearing lines need both circles' decisions (each opens its side and sets the other commons' limits) and a
///   council both still sit in, checked on every payment; the other currency must be one the factory made for a
///   circle of its registry (its CREATE2 address is recomputed), so a look-alike contract is refused; a cross-circle payment is two ordinary transfers, one in
///   each currency, so each stays zero-sum and within its limits. The other currency is called only after this
///   side's state is written, and only if this circle opened a line to it.
/// - Amounts and limits are at most {MAX_VALUE} = 2^100 - 1. A balance is stored in 112 signed bits: members and
///   admitted accounts stay within limits (each at most {MAX_VALUE}) and the commons can only carry the others'
///   balances (the sum is zero), at most 41 x {MAX_VALUE} < 2^106. Stores are still checked ({SafeCast}).
/// - Holding is cached: an account's slot carries a holder bit, set when the circle admits it, or on its first payment
///   after a live check of membership, and cleared when the circle's hook reports the member left (never for an
///   admitted account). So a payment between known holders reads and writes the two accounts' slots, the pair ledger
///   and the limits, and nothing outside this contract. While the currency is one of the circle's role modules (the
///   factory's proposal registers it), the hook is called on every departure with enough gas (the circle checks it
///   up front). If a circle unregisters the currency, or a hook failed, anyone can close a departed account with
///   {settleDeparted}; {isHolder} always answers live.
/// - Totals received are derived, not stored: received = balance - off-ledger changes + given, where off-ledger
///   changes (departures to the commons, jubilees) are recorded per account when they happen. The outstanding credit
///   ({totalSupply}) is summed over the accounts with a balance (at most the members and admitted accounts).
contract MutualCredit is
    Initializable,
    EIP712Upgradeable,
    NoncesUpgradeable,
    IERC20Metadata,
    ICircleRoleModule,
    IMutualCredit
{
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice EIP-2612 permit type.
    bytes32 public constant PERMIT_TYPEHASH = keccak256(
        "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
    );

    /// @notice Most accounts the circle can admit besides its members.
    uint256 public constant MAX_ADMITTED = 8;

    /// @notice Largest amount and limit: 2^100 - 1 (over 10^12 whole units at 18 decimals). A limit of
    /// `type(uint256).max` means unlimited.
    uint256 public constant MAX_VALUE = 2 ** 100 - 1;

    struct Limits {
        uint128 credit;
        uint128 saturation;
    }

    /// @custom:storage-location erc7201:commonweal.storage.MutualCredit
    struct CreditStorage {
        address circle;
        ICircleMembership membership;
        bool council;
        uint8 decimals;
        string name;
        string symbol;
        Limits defaults;
        EnumerableSet.AddressSet admitted;
        EnumerableSet.AddressSet nonZero;
        mapping(address account => CreditAccount) accounts;
        mapping(address account => int256) offLedger;
        mapping(address account => Limits) limits;
        mapping(address from => mapping(address to => uint256)) givenTo;
        mapping(address owner => mapping(address spender => uint256)) allowances;
        mapping(address otherCurrency => address council) lines;
        mapping(address otherCommons => bool) clearing;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.MutualCredit")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant CREDIT_STORAGE = 0x2c49ac710c90da9b2c5ef21adb19642088a3c7933015897ac30d5b09d9453900;

    /// @notice The factory that deployed this currency: the only caller of {initialize}.
    address public immutable factory;

    modifier onlyCircle() {
        if (msg.sender != _creditStorage().circle) revert MutualCreditOnlyCircle(msg.sender);
        _;
    }

    /// @dev Takes no arguments, so the factory can predict the address from the circle alone; {initialize} follows in
    /// the same transaction.
    constructor() {
        factory = msg.sender;
    }

    /// @notice Sets up a circle's currency; the circle itself is admitted as its commons account. Only the factory,
    /// once, right after deploying it. For a council (as the factory's registry says), members are the circles
    /// holding a seat.
    function initialize(
        address circle_,
        address membership_,
        string calldata name_,
        string calldata symbol_,
        uint8 decimals_,
        uint256 defaultCredit,
        uint256 defaultSaturation
    ) external initializer {
        if (msg.sender != factory) revert MutualCreditOnlyFactory(msg.sender);
        __EIP712_init(name_, "1");
        __Nonces_init();
        _setBody(circle_, membership_);
        CreditStorage storage $ = _creditStorage();
        $.name = name_;
        $.symbol = symbol_;
        $.decimals = decimals_;
        $.defaults = Limits(_limit(defaultCredit), _limit(defaultSaturation));
        emit DefaultLimitsSet(defaultCredit, defaultSaturation);
        _admit(circle_);
    }

    // ------------------------------------------------------------------
    // ERC-20
    // ------------------------------------------------------------------

    /// @inheritdoc IERC20Metadata
    function name() external view returns (string memory) {
        return _creditStorage().name;
    }

    /// @inheritdoc IERC20Metadata
    function symbol() external view returns (string memory) {
        return _creditStorage().symbol;
    }

    /// @inheritdoc IERC20Metadata
    function decimals() external view returns (uint8) {
        return _creditStorage().decimals;
    }

    /// @notice The sum of all positive balances: the circle's outstanding credit (equal to the sum of all debts).
    /// @dev Summed over the accounts with a balance: at most the members and admitted accounts.
    function totalSupply() external view returns (uint256 supply) {
        CreditStorage storage $ = _creditStorage();
        uint256 length = $.nonZero.length();
        for (uint256 i = 0; i < length; ++i) {
            int256 balance = $.accounts[$.nonZero.at(i)].balance();
            if (balance > 0) supply += uint256(balance);
        }
    }

    /// @notice The positive part of `account`'s balance (zero for an account in debt); see {signedBalanceOf}.
    function balanceOf(address account) external view returns (uint256) {
        int256 balance = _creditStorage().accounts[account].balance();
        return balance > 0 ? uint256(balance) : 0;
    }

    /// @notice `account`'s signed balance: negative when it owes the circle's economy.
    function signedBalanceOf(address account) external view returns (int256) {
        return _creditStorage().accounts[account].balance();
    }

    /// @inheritdoc IERC20
    function allowance(address owner, address spender) external view returns (uint256) {
        return _creditStorage().allowances[owner][spender];
    }

    /// @inheritdoc IERC20
    function approve(address spender, uint256 value) external returns (bool) {
        _approve(msg.sender, spender, value);
        return true;
    }

    /// @inheritdoc IERC20
    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    /// @inheritdoc IERC20
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        _spendAllowance(from, msg.sender, value);
        _transfer(from, to, value);
        return true;
    }

    /// @notice EIP-2612: approves by the owner's signature.
    function permit(
        address owner,
        address spender,
        uint256 value,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        if (block.timestamp > deadline) revert MutualCreditPermitExpired(deadline);
        bytes32 digest = _hashTypedDataV4(
            keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, _useNonce(owner), deadline))
        );
        address signer = ECDSA.recover(digest, v, r, s);
        if (signer != owner) revert MutualCreditInvalidSigner(signer, owner);
        _approve(owner, spender, value);
    }

    /// @notice EIP-2612 domain separator.
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    // ------------------------------------------------------------------
    // Reciprocity ledger
    // ------------------------------------------------------------------

    /// @notice Pays `to` with a memo for the reciprocity ledger.
    function transferWithMemo(
        address to,
        uint256 value,
        bytes32 memoHash,
        string calldata memo
    ) external returns (bool) {
        _transfer(msg.sender, to, value);
        emit Memo(msg.sender, to, value, memoHash, memo);
        return true;
    }

    /// @notice How much `from` has given `to`, ever.
    function givenTo(address from, address to) external view returns (uint256) {
        return _creditStorage().givenTo[from][to];
    }

    /// @notice How much `account` has given and received, ever.
    function totals(address account) external view returns (uint256 given, uint256 received) {
        CreditStorage storage $ = _creditStorage();
        CreditAccount a = $.accounts[account];
        given = a.given();
        // Every change of a balance is a payment (given or received) or recorded as off-ledger.
        received = uint256(a.balance() - $.offLedger[account] + int256(given));
    }

    // ------------------------------------------------------------------
    // The circle's decisions
    // ------------------------------------------------------------------

    /// @notice Sets an account's credit and saturation limits. Only the circle.
    function setLimits(address account, uint256 creditLimit, uint256 saturationLimit) external onlyCircle {
        CreditStorage storage $ = _creditStorage();
        $.limits[account] = Limits(_limit(creditLimit), _limit(saturationLimit));
        $.accounts[account] = $.accounts[account].withCustomLimits();
        emit LimitsSet(account, creditLimit, saturationLimit);
    }

    /// @notice Sets the limits of accounts without their own. Only the circle.
    function setDefaultLimits(uint256 creditLimit, uint256 saturationLimit) external onlyCircle {
        _creditStorage().defaults = Limits(_limit(creditLimit), _limit(saturationLimit));
        emit DefaultLimitsSet(creditLimit, saturationLimit);
    }

    /// @notice Lets a non-member account hold balances. Only the circle; at most {MAX_ADMITTED}.
    function admitAccount(address account) external onlyCircle {
        if (account == address(0)) revert MutualCreditZeroAddress();
        _admit(account);
    }

    /// @notice Opens a clearing line with another circle's currency: that circle's commons may hold a balance here,
    /// within the limits this circle sets for it (`setLimits(otherCircle, ...)` in the same decision). Only the
    /// circle; both circles must sit in `council`, the other circle must open its side for payments to flow, and
    /// `other` must be a currency the factory made (for a circle of its registry).
    function openClearingLine(address other, address council) external onlyCircle {
        CreditStorage storage $ = _creditStorage();
        address otherCircle = _madeByFactory(other);
        _checkSeats(council, otherCircle);
        _admit(otherCircle);
        $.clearing[otherCircle] = true;
        $.lines[other] = council;
        emit ClearingLineOpened(other, council);
    }

    /// @notice Closes a clearing line: no new payments; balances stay readable for settlement. Only the circle.
    function closeClearingLine(address other) external onlyCircle {
        delete _creditStorage().lines[other];
        emit ClearingLineClosed(other);
    }

    /// @notice Pays `to`, a member of the circle of currency `other`, in one transaction through the two commons:
    /// here the caller pays the other circle's commons; there, that circle's commons pays `to`.
    function payAcross(address other, address to, uint256 value) external {
        address otherCircle = _openLine(other);
        _transfer(msg.sender, otherCircle, value);
        emit PaidAcross(msg.sender, other, to, value);
        MutualCredit(other).clearIn(to, value);
    }

    /// @notice The receiving side of {payAcross}: this circle's commons pays `to`. Only a currency with which this
    /// circle has an open clearing line.
    function clearIn(address to, uint256 value) external {
        _openLine(msg.sender);
        _transfer(_creditStorage().circle, to, value);
        emit ClearedIn(msg.sender, to, value);
    }

    /// @notice The council of the clearing line with `other`, or zero if none is open.
    function clearingLine(address other) external view returns (address council) {
        return _creditStorage().lines[other];
    }

    /// @notice The circle whose currency this is (its commons account).
    function circle() external view returns (address) {
        return _creditStorage().circle;
    }

    /// @notice Resets every balance to zero but the other circles' clearing claims, which this circle's commons
    /// offsets. Only the circle. Bounded by the members and admitted accounts.
    /// @dev Invariant: the sum stays zero: the commons ends at minus the sum of the kept clearing balances.
    function jubilee() external onlyCircle {
        CreditStorage storage $ = _creditStorage();
        address commons = $.circle;
        int256 kept;
        uint256 cleared;
        // Downward: removing index i - 1 moves the last element there, and every element above i - 1 that is still
        // in the set is a kept claim (or the commons) already counted.
        for (uint256 i = $.nonZero.length(); i > 0; --i) {
            address account = $.nonZero.at(i - 1);
            CreditAccount a = $.accounts[account];
            int256 balance = a.balance();
            if (account == commons) continue;
            if ($.clearing[account]) {
                kept += balance;
            } else {
                $.accounts[account] = a.withBalance(0);
                $.offLedger[account] -= balance;
                $.nonZero.remove(account);
                ++cleared;
                emit BalanceCleared(account, balance);
            }
        }
        CreditAccount c = $.accounts[commons];
        int256 commonsBefore = c.balance();
        if (commonsBefore != -kept) {
            $.accounts[commons] = c.withBalance(-kept);
            _trackNonZero($, commons, commonsBefore, -kept);
            $.offLedger[commons] -= commonsBefore + kept;
            ++cleared;
            emit BalanceCleared(commons, commonsBefore + kept);
        }
        if (kept != 0) emit ClearingClaimsKept(kept);
        emit Jubilee(cleared);
    }

    /// @notice The circle's hook: a departed member's balance moves to the commons (the circle's own account) and
    /// the account may no longer hold. An account the circle also admitted keeps holding, and keeps its balance.
    function onMemberLeft(address member) external onlyCircle {
        if (!_creditStorage().admitted.contains(member)) _close(member);
    }

    /// @notice Closes a departed member's account: its balance moves to the commons. Anyone; repairs a departure
    /// whose hook failed or came while the currency was not one of the circle's role modules.
    function settleDeparted(address member) external {
        if (isHolder(member)) revert MutualCreditStillHolder(member);
        _close(member);
    }

    /// @notice The circle's hook: a hard reset dissolves roles, not balances.
    function onCircleReset(uint64) external view onlyCircle {}

    /// @notice An account's limits (its own, or the defaults).
    function limitsOf(address account) public view returns (uint256 creditLimit, uint256 saturationLimit) {
        CreditStorage storage $ = _creditStorage();
        Limits storage limits = _limitsOf($, account, $.accounts[account]);
        return (limits.credit, limits.saturation);
    }

    /// @notice Whether `account` may hold balances: a member (for a council, a circle holding a seat, filled or
    /// vacant), or admitted by the circle.
    function isHolder(address account) public view returns (bool) {
        return _creditStorage().admitted.contains(account) || _isMember(account);
    }

    /// @notice The accounts with a non-zero balance.
    function accountsWithBalance() external view returns (address[] memory) {
        return _creditStorage().nonZero.values();
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    function _transfer(address from, address to, uint256 value) private {
        if (to == address(0)) revert MutualCreditZeroAddress();
        if (value > MAX_VALUE) revert MutualCreditValueTooLarge(value);
        CreditStorage storage $ = _creditStorage();
        CreditAccount payer = _holding($, from);
        CreditAccount payee = _holding($, to);
        if (value != 0 && from != to) {
            int256 payerBefore = payer.balance();
            int256 payeeBefore = payee.balance();
            int256 payerAfter = payerBefore - int256(value);
            int256 payeeAfter = payeeBefore + int256(value);
            // A limit binds only the side a payment makes worse, so it is read only then.
            if (payerAfter < 0) {
                uint256 credit = _limitsOf($, from, payer).credit;
                if (payerAfter < -int256(credit)) revert MutualCreditLimitExceeded(from, payerAfter, credit);
            }
            if (payeeAfter > 0) {
                uint256 saturation = _limitsOf($, to, payee).saturation;
                if (payeeAfter > int256(saturation)) {
                    revert MutualCreditSaturationExceeded(to, payeeAfter, saturation);
                }
            }
            _trackNonZero($, from, payerBefore, payerAfter);
            _trackNonZero($, to, payeeBefore, payeeAfter);
            $.accounts[from] = payer.withBalance(payerAfter).withGiven(value);
            $.accounts[to] = payee.withBalance(payeeAfter);
            $.givenTo[from][to] += value;
        }
        emit Transfer(from, to, value);
    }

    /// @dev An account's word, known to hold: from the cached bit, or else a live check (cached on the next write).
    /// An admitted account carries the bit from its admission on ({_admit}; only {_close} clears it, never for an
    /// admitted account), so an account without it can hold only as a member: the live check asks the membership.
    function _holding(CreditStorage storage $, address account) internal view virtual returns (CreditAccount a) {
        a = $.accounts[account];
        if (!a.isHolder()) {
            if (!_isMember(account)) revert MutualCreditNotHolder(account);
            a = a.withHolder(true);
        }
    }

    /// @dev Whether `account` is a member now: for a council, a circle holding a seat (filled or vacant).
    function _isMember(address account) private view returns (bool) {
        CreditStorage storage $ = _creditStorage();
        return $.council ? ICouncilSeats(address($.membership)).hasSeat(account) : $.membership.isMember(account);
    }

    function _limitsOf(
        CreditStorage storage $,
        address account,
        CreditAccount a
    ) private view returns (Limits storage) {
        return a.hasCustomLimits() ? $.limits[account] : $.defaults;
    }

    /// @dev Keeps the set of accounts with a balance, which bounds {totalSupply} and {jubilee}.
    /// Virtual, as {_holding} is, only so that the bench can measure what it costs (contracts/mocks/guarantees/).
    function _trackNonZero(
        CreditStorage storage $,
        address account,
        int256 before,
        int256 balanceAfter
    ) internal virtual {
        if (before == 0 && balanceAfter != 0) $.nonZero.add(account);
        else if (before != 0 && balanceAfter == 0) $.nonZero.remove(account);
    }

    function _admit(address account) private {
        CreditStorage storage $ = _creditStorage();
        if ($.admitted.length() >= MAX_ADMITTED && !$.admitted.contains(account)) {
            revert MutualCreditTooManyAdmitted(MAX_ADMITTED);
        }
        $.accounts[account] = $.accounts[account].withHolder(true);
        if ($.admitted.add(account)) emit AccountAdmitted(account);
    }

    /// @dev A departed member's account: it may no longer hold, and its balance moves to the commons.
    function _close(address member) private {
        CreditStorage storage $ = _creditStorage();
        CreditAccount a = $.accounts[member].withHolder(false);
        int256 balance = a.balance();
        if (balance < 0 && $.council && ICouncilSeats(address($.membership)).openJoin()) {
            // Anyone could rejoin at once: the debt stays with the account, to be found on its return.
            emit DepartedDebtKept(member, balance);
        } else if (balance != 0) {
            address commons = $.circle;
            CreditAccount c = $.accounts[commons];
            // The commons takes whatever the member held, limits or not: leaving must never fail.
            int256 commonsAfter = c.balance() + balance;
            _trackNonZero($, commons, c.balance(), commonsAfter);
            _trackNonZero($, member, balance, 0);
            $.accounts[commons] = c.withBalance(commonsAfter);
            a = a.withBalance(0);
            $.offLedger[commons] += balance;
            $.offLedger[member] -= balance;
            emit BalanceMovedToCommons(member, commons, balance);
        }
        $.accounts[member] = a;
    }

    /// @dev The circle, its membership, and whether it is a council (whose members are the circles holding seats).
    function _setBody(address circle_, address membership_) private {
        CreditStorage storage $ = _creditStorage();
        $.circle = circle_;
        $.membership = ICircleMembership(membership_);
        $.council = CreditFactory(factory).registry().isCouncil(circle_);
    }

    /// @dev The circle of `other`, a currency the factory made; reverts with a named error for anything else. The
    /// factory made every currency at the CREATE2 address of its circle, and only for a circle of its registry: a
    /// contract elsewhere (or one claiming another circle) is a look-alike.
    function _madeByFactory(address other) private view returns (address otherCircle) {
        if (other.code.length == 0) revert MutualCreditNotACurrency(other);
        try MutualCredit(other).circle() returns (address claimed) {
            otherCircle = claimed;
        } catch {
            revert MutualCreditNotACurrency(other);
        }
        if (CreditFactory(factory).currencyOf(otherCircle) != other) revert MutualCreditNotACurrency(other);
    }

    /// @dev The other circle of an open line whose two circles still sit in its council.
    function _openLine(address other) private view returns (address otherCircle) {
        address council = _creditStorage().lines[other];
        if (council == address(0)) revert MutualCreditNoClearingLine(other);
        otherCircle = MutualCredit(other).circle();
        _checkSeats(council, otherCircle);
    }

    function _checkSeats(address council, address otherCircle) private view {
        ICouncilSeats seats = ICouncilSeats(ICircle(council).membership());
        if (!seats.hasSeat(_creditStorage().circle) || !seats.hasSeat(otherCircle)) {
            revert MutualCreditNotInCouncil(council);
        }
    }

    function _approve(address owner, address spender, uint256 value) private {
        if (owner == address(0) || spender == address(0)) revert MutualCreditZeroAddress();
        _creditStorage().allowances[owner][spender] = value;
        emit Approval(owner, spender, value);
    }

    function _spendAllowance(address owner, address spender, uint256 value) private {
        uint256 current = _creditStorage().allowances[owner][spender];
        if (current == type(uint256).max) return;
        if (current < value) revert MutualCreditInsufficientAllowance(spender, current, value);
        _creditStorage().allowances[owner][spender] = current - value;
    }

    function _limit(uint256 value) private pure returns (uint128) {
        if (value == type(uint256).max) return uint128(MAX_VALUE);
        if (value > MAX_VALUE) revert MutualCreditValueTooLarge(value);
        return uint128(value);
    }

    function _creditStorage() private pure returns (CreditStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            $.slot := CREDIT_STORAGE
        }
    }
}
