// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC1155MetadataURI} from "@openzeppelin/contracts/token/ERC1155/extensions/IERC1155MetadataURI.sol";
import {ERC1155Utils} from "@openzeppelin/contracts/token/ERC1155/utils/ERC1155Utils.sol";
import {ERC165, IERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {ICircleRegistry} from "../interfaces/ICircleRegistry.sol";
import {IIncomeHub} from "../interfaces/IIncomeHub.sol";
import {Demurrage, DiscountedBalance} from "./Demurrage.sol";

/// @title IncomeHub
/// @notice Basic income for every registered person: their own token (ERC-1155 id = their address as a number),
/// minted to them at 1 per hour of life, claimable up to 14 days back, losing 7% a year (applied per day), and spent
/// along chains of personal trust. Registered circles vouch for their members and are groups with their own token.
///
/// @dev Security reasoning:
/// - Sybil defence: registration needs an invitation (the inviter trusts the invitee first and burns
///   {invitationCost} of their own token; the invitee receives {welcomeBonus}), or a circle's vouching, or the
///   bootstrap period right after deployment. Vouching costs exactly what an invitation costs: the circle burns
///   {invitationCost} per person of a member's personal token that the member gave to the circle (their consent),
///   so an identity made through a circle is no cheaper to fake than an invitation. The real defence is the
///   circle's admission decision (and the inviter's trust): neither cost nor consent stops one person holding many
///   keys. Vouched and bootstrapped people receive no welcome bonus.
/// - Consent: no one is registered as a person except by their own transaction ({register}, {acceptVouch}); a
///   circle's vouching is only an offer. An address with no code cannot send one, so a predicted clone address
///   cannot be registered before it exists, and once it exists it is a registry body, which is always refused
///   ({isRegistryBody}: circles, councils and every contract answering `circle()` with one of them). So no one can
///   block a circle, a council or a part of one by registering it as a person.
/// - Issuance is computed from the time of the last claim, which every claim moves to now: a second claim in the same
///   hour earns 0, and nothing can be claimed twice. {stop} is one-way: no function clears it and a registered
///   account can never register again.
/// - Trust is consent to swap: a person who trusts Ben accepts Ben's token 1:1 for anything they hold. Payments along
///   trust ({payAlongTrust}) may therefore route through other people's balances, but every hop must be accepted by
///   its receiver's trust and every vertex other than the payer and the receiver must end exactly where it started
///   (net zero over all tokens), else the whole payment reverts. Plain ERC-1155 transfers are the holder's own act and
///   need no trust: the receiver gives up nothing (a contract receiver can refuse through the ERC-1155 hook).
/// - Reentrancy: every state-changing function is `nonReentrant` (OpenZeppelin's guard, its flag in transient storage,
///   EIP-1153), and the ERC-1155 receiver hooks are called only after all state is written
///   (checks-effects-interactions).
/// - Amounts and balances are at most 2^192 - 1 ({Demurrage.MAX_VALUE}); larger values revert with
///   {IncomeHubValueTooLarge}. Demurrage rounds down, so the hub never shows more than was minted.
/// - Bounds: payments take at most {MAX_FLOW_EDGES} edges and {MAX_FLOW_VERTICES} vertices; vouching and group
///   mints take at most {MAX_BATCH} entries. {isRegistryBody} makes one bounded static call to the account.
contract IncomeHub is IIncomeHub, IERC1155MetadataURI, ERC165, ReentrancyGuardTransient {
    /// @notice Most people a circle vouches for, or collateral tokens, in one call (the member cap).
    uint256 public constant MAX_BATCH = 32;

    /// @notice Most transfers in one payment along trust.
    uint256 public constant MAX_FLOW_EDGES = 64;

    /// @notice Most accounts in one payment along trust.
    uint256 public constant MAX_FLOW_VERTICES = 65;

    struct Avatar {
        AvatarKind kind;
        bool stopped;
        uint64 lastClaim;
    }

    /// @notice The registry whose circles may register.
    ICircleRegistry public immutable registry;

    /// @notice Start of day 0 of demurrage.
    uint256 public immutable dayZero;

    /// @notice Until when people may register without an invitation.
    uint256 public immutable bootstrapEnd;

    /// @notice What an invitation burns of the inviter's own token.
    uint256 public immutable invitationCost;

    /// @notice What an invited person receives of their own token.
    uint256 public immutable welcomeBonus;

    string private _uri;
    mapping(address account => Avatar) private _avatars;
    mapping(uint256 id => mapping(address account => DiscountedBalance)) private _balances;
    mapping(address owner => mapping(address operator => bool)) private _operators;
    mapping(address truster => mapping(address trustee => uint256 expiry)) private _trust;
    mapping(address person => mapping(address circle => bool)) private _vouches;

    constructor(Config memory config) {
        if (config.dayZero % 1 hours != 0 || config.dayZero > block.timestamp) {
            revert IncomeHubInvalidDayZero(config.dayZero);
        }
        registry = ICircleRegistry(config.registry);
        dayZero = config.dayZero;
        bootstrapEnd = block.timestamp + config.bootstrapPeriod;
        invitationCost = config.invitationCost;
        welcomeBonus = config.welcomeBonus;
        _uri = config.uri;
    }

    // ------------------------------------------------------------------
    // Registration
    // ------------------------------------------------------------------

    /// @notice Registers the caller as a person, invited by `inviter` (who must trust them already), or with no
    /// inviter during the bootstrap period. The inviter pays {invitationCost} of their own token; the caller
    /// receives {welcomeBonus} of theirs. Never a registry body ({isRegistryBody}).
    /// @param inviter A registered person who trusts the caller, or zero while bootstrapping.
    function register(address inviter) external nonReentrant {
        _checkNewPerson(msg.sender);
        if (inviter == address(0)) {
            if (block.timestamp >= bootstrapEnd) revert IncomeHubInvitationRequired(bootstrapEnd);
        } else {
            if (_avatars[inviter].kind != AvatarKind.Person) revert IncomeHubNotRegistered(inviter);
            if (!isTrusted(inviter, msg.sender)) revert IncomeHubNotInvited(inviter, msg.sender);
        }
        _avatars[msg.sender] = Avatar(AvatarKind.Person, false, uint64(block.timestamp));
        emit PersonRegistered(msg.sender, inviter);
        if (inviter != address(0)) {
            _burn(inviter, _idOf(inviter), invitationCost);
            if (welcomeBonus != 0) {
                _mint(msg.sender, _idOf(msg.sender), welcomeBonus);
                _checkReceived(address(0), msg.sender, _idOf(msg.sender), welcomeBonus);
            }
        }
    }

    /// @notice Registers the calling circle: it may then vouch for its members and is a group with its own token.
    /// Only a circle of the registry, by its own decision.
    function registerCircle() external {
        if (!registry.isCircle(msg.sender)) revert IncomeHubNotCircle(msg.sender);
        _checkUnregistered(msg.sender);
        _avatars[msg.sender].kind = AvatarKind.Circle;
        emit CircleRegistered(msg.sender);
    }

    /// @notice Offers registration to members of the calling circle, paying for each exactly what an invitation
    /// costs: {invitationCost} of a member's personal token that the circle holds (the member gave it to the circle
    /// for this). Each person becomes registered only when they accept ({acceptVouch}). Only a registered circle, by
    /// its own decision; at most {MAX_BATCH}.
    /// @param people Members of the circle, none registered yet.
    /// @param payers For each person, the member whose token the circle burns.
    function vouch(address[] calldata people, address[] calldata payers) external nonReentrant {
        _checkCircle(msg.sender);
        if (people.length > MAX_BATCH) revert IncomeHubTooMany(people.length, MAX_BATCH);
        if (people.length != payers.length) revert IncomeHubLengthMismatch(people.length, payers.length);
        ICircleMembership membership = ICircleMembership(ICircle(msg.sender).membership());
        for (uint256 i = 0; i < people.length; ++i) {
            address person = people[i];
            address payer = payers[i];
            if (!membership.isMember(person)) revert IncomeHubNotMember(msg.sender, person);
            if (!membership.isMember(payer)) revert IncomeHubNotMember(msg.sender, payer);
            if (_avatars[payer].kind != AvatarKind.Person) revert IncomeHubNotRegistered(payer);
            _checkUnregistered(person);
            if (_vouches[person][msg.sender]) revert IncomeHubAlreadyVouched(msg.sender, person);
            _vouches[person][msg.sender] = true;
            emit VouchOffered(msg.sender, person, payer, invitationCost);
            _burn(msg.sender, _idOf(payer), invitationCost);
        }
    }

    /// @notice Accepts `circle`'s vouching: registers the caller as a person, with no welcome bonus. The caller must
    /// still be a member of the circle, and never a registry body ({isRegistryBody}).
    /// @param circle The registered circle that vouched for the caller.
    function acceptVouch(address circle) external nonReentrant {
        if (!_vouches[msg.sender][circle]) revert IncomeHubNotVouched(circle, msg.sender);
        _checkNewPerson(msg.sender);
        if (!ICircleMembership(ICircle(circle).membership()).isMember(msg.sender)) {
            revert IncomeHubNotMember(circle, msg.sender);
        }
        _vouches[msg.sender][circle] = false;
        _avatars[msg.sender] = Avatar(AvatarKind.Person, false, uint64(block.timestamp));
        emit PersonRegistered(msg.sender, circle);
    }

    /// @notice Whether `circle` has offered to register `person` (and they have not accepted yet).
    /// @param circle The circle.
    /// @param person The person.
    function isVouched(address circle, address person) external view returns (bool) {
        return _vouches[person][circle];
    }

    /// @notice Whether `account` is a circle or council of the registry, or says it belongs to one (memberships,
    /// rituals, mandates, badges and currencies answer `circle()`): such an account can never be a person.
    /// @param account The account.
    function isRegistryBody(address account) public view returns (bool) {
        if (_isCircle(account)) return true;
        if (account.code.length == 0) return false;
        (bool ok, bytes memory answer) = account.staticcall(abi.encodeCall(ICircleMembership.circle, ()));
        if (!ok || answer.length != 32) return false;
        uint256 word = abi.decode(answer, (uint256));
        return word <= type(uint160).max && word != 0 && _isCircle(address(uint160(word)));
    }

    /// @notice What `account` is: not registered, a person or a circle.
    function avatarKind(address account) external view returns (AvatarKind) {
        return _avatars[account].kind;
    }

    // ------------------------------------------------------------------
    // Income
    // ------------------------------------------------------------------

    /// @notice Mints the caller's income since their last claim (at most the last 14 days). A claim in the same hour
    /// mints 0 without reverting.
    /// @return amount What was minted, in today's units.
    function claim() external nonReentrant returns (uint256 amount) {
        Avatar storage avatar = _checkPerson(msg.sender);
        if (avatar.stopped) revert IncomeHubStopped(msg.sender);
        amount = _claim(msg.sender, avatar);
        if (amount != 0) _checkReceived(address(0), msg.sender, _idOf(msg.sender), amount);
    }

    /// @notice Ends the caller's issuance for good, after minting what they have earned so far.
    function stop() external nonReentrant {
        Avatar storage avatar = _checkPerson(msg.sender);
        if (avatar.stopped) revert IncomeHubStopped(msg.sender);
        uint256 amount = _claim(msg.sender, avatar);
        avatar.stopped = true;
        emit IncomeStopped(msg.sender);
        if (amount != 0) _checkReceived(address(0), msg.sender, _idOf(msg.sender), amount);
    }

    /// @notice What `person` could claim now, and the time counting would start from.
    function claimable(address person) external view returns (uint256 amount, uint256 from) {
        Avatar storage avatar = _avatars[person];
        if (avatar.kind != AvatarKind.Person || avatar.stopped) return (0, block.timestamp);
        return Demurrage.issuance(avatar.lastClaim, block.timestamp, dayZero);
    }

    /// @notice Whether `person` has stopped their issuance.
    function stopped(address person) external view returns (bool) {
        return _avatars[person].stopped;
    }

    // ------------------------------------------------------------------
    // Trust
    // ------------------------------------------------------------------

    /// @notice Accepts `trustee`'s token until `expiry`; an expiry not in the future ends the trust. Only a
    /// registered person or circle. Inviting someone starts with trusting them.
    /// @param trustee Whose token to accept (need not be registered yet).
    /// @param expiry When the trust ends.
    function trust(address trustee, uint256 expiry) external {
        if (_avatars[msg.sender].kind == AvatarKind.None) revert IncomeHubNotRegistered(msg.sender);
        if (trustee == address(0)) revert IncomeHubZeroAddress();
        if (trustee == msg.sender) revert IncomeHubSelfTrust(msg.sender);
        _trust[msg.sender][trustee] = expiry;
        emit Trust(msg.sender, trustee, expiry);
    }

    /// @notice Whether `truster` accepts `trustee`'s token now (everyone accepts their own).
    function isTrusted(address truster, address trustee) public view returns (bool) {
        return truster == trustee || _trust[truster][trustee] > block.timestamp;
    }

    /// @notice When `truster`'s trust in `trustee` ends (zero if never given).
    function trustExpiry(address truster, address trustee) external view returns (uint256) {
        return _trust[truster][trustee];
    }

    // ------------------------------------------------------------------
    // Payments along trust
    // ------------------------------------------------------------------

    /// @notice Pays `to` `amount` along chains of trust, in one transaction: each edge moves a token to a receiver
    /// who trusts it; the caller ends with `-amount`, `to` with `+amount`, every other vertex with what it had.
    /// Reverts whole if any hop is not allowed. Edges run in order, so an edge may pass on what an earlier one
    /// brought. See the client's pathfinder for computing the flow.
    /// @param vertices Every account involved, strictly ascending; at most {MAX_FLOW_VERTICES}.
    /// @param edges The transfers; at most {MAX_FLOW_EDGES}.
    /// @param to The receiver.
    /// @param amount What the receiver gets in total.
    function payAlongTrust(
        address[] calldata vertices,
        FlowEdge[] calldata edges,
        address to,
        uint256 amount
    ) external nonReentrant {
        uint256 count = vertices.length;
        if (count > MAX_FLOW_VERTICES) revert IncomeHubTooMany(count, MAX_FLOW_VERTICES);
        if (edges.length > MAX_FLOW_EDGES) revert IncomeHubTooMany(edges.length, MAX_FLOW_EDGES);
        if (amount > Demurrage.MAX_VALUE) revert IncomeHubValueTooLarge(amount);
        if (to == msg.sender) revert IncomeHubNotInFlow(to);
        for (uint256 i = 1; i < count; ++i) {
            if (vertices[i] <= vertices[i - 1]) revert IncomeHubVerticesNotSorted(i);
        }
        int256[] memory net = new int256[](count);
        uint256 day = _today();
        for (uint256 e = 0; e < edges.length; ++e) {
            FlowEdge calldata edge = edges[e];
            if (edge.from >= count || edge.to >= count || edge.token >= count || edge.from == edge.to) {
                revert IncomeHubInvalidEdge(e);
            }
            address receiver = vertices[edge.to];
            address tokenOwner = vertices[edge.token];
            if (!isTrusted(receiver, tokenOwner)) revert IncomeHubUntrustedHop(e, receiver, tokenOwner);
            _transfer(vertices[edge.from], receiver, _idOf(tokenOwner), edge.amount, day);
            net[edge.from] -= int256(uint256(edge.amount));
            net[edge.to] += int256(uint256(edge.amount));
        }
        _checkConservation(vertices, net, to, amount);
        emit PaidAlongTrust(msg.sender, to, amount, edges.length);
        for (uint256 e = 0; e < edges.length; ++e) {
            FlowEdge calldata edge = edges[e];
            _checkReceived(vertices[edge.from], vertices[edge.to], _idOf(vertices[edge.token]), edge.amount);
        }
    }

    // ------------------------------------------------------------------
    // Groups
    // ------------------------------------------------------------------

    /// @notice Mints `group`'s token 1:1 against personal tokens the group trusts, which go to its treasury.
    /// @param group A registered circle.
    /// @param tokenOwners Whose tokens to deposit; at most {MAX_BATCH}.
    /// @param amounts How much of each.
    /// @return total What was minted of the group's token.
    function groupMint(
        address group,
        address[] calldata tokenOwners,
        uint256[] calldata amounts
    ) external nonReentrant returns (uint256 total) {
        _checkGroupBatch(group, tokenOwners, amounts);
        address treasury = treasuryOf(group);
        uint256 day = _today();
        for (uint256 i = 0; i < tokenOwners.length; ++i) {
            address tokenOwner = tokenOwners[i];
            if (_avatars[tokenOwner].kind != AvatarKind.Person || !isTrusted(group, tokenOwner)) {
                revert IncomeHubUntrustedCollateral(group, tokenOwner);
            }
            _transfer(msg.sender, treasury, _idOf(tokenOwner), amounts[i], day);
            total += amounts[i];
        }
        _mint(msg.sender, _idOf(group), total);
        emit GroupMinted(group, msg.sender, total);
        _checkReceived(address(0), msg.sender, _idOf(group), total);
    }

    /// @notice Burns `group`'s token for the same amount of personal tokens from its treasury.
    /// @param group A registered circle.
    /// @param tokenOwners Whose tokens to take back; at most {MAX_BATCH}.
    /// @param amounts How much of each.
    /// @return total What was burned of the group's token.
    function groupRedeem(
        address group,
        address[] calldata tokenOwners,
        uint256[] calldata amounts
    ) external nonReentrant returns (uint256 total) {
        _checkGroupBatch(group, tokenOwners, amounts);
        for (uint256 i = 0; i < amounts.length; ++i) {
            if (amounts[i] > Demurrage.MAX_VALUE) revert IncomeHubValueTooLarge(amounts[i]);
            total += amounts[i];
        }
        _burn(msg.sender, _idOf(group), total);
        address treasury = treasuryOf(group);
        uint256 day = _today();
        for (uint256 i = 0; i < tokenOwners.length; ++i) {
            _transfer(treasury, msg.sender, _idOf(tokenOwners[i]), amounts[i], day);
        }
        emit GroupRedeemed(group, msg.sender, total);
        for (uint256 i = 0; i < tokenOwners.length; ++i) {
            _checkReceived(treasury, msg.sender, _idOf(tokenOwners[i]), amounts[i]);
        }
    }

    /// @notice The account holding `group`'s collateral: no key exists for it, only the hub moves its tokens.
    function treasuryOf(address group) public pure returns (address) {
        return address(uint160(uint256(keccak256(abi.encode("commonweal.income.treasury", group)))));
    }

    // ------------------------------------------------------------------
    // Demurrage views
    // ------------------------------------------------------------------

    /// @notice Today's day number since {dayZero}.
    function today() external view returns (uint256) {
        return _today();
    }

    /// @notice `account`'s balance of `id` in static units, which do not decay.
    function staticBalanceOf(address account, uint256 id) external view returns (uint256) {
        uint256 day = _today();
        return Demurrage.toStatic(_balanceOn(account, id, day), day);
    }

    /// @notice Today's demurraged amount in static units.
    function toStatic(uint256 amount) external view returns (uint256) {
        return Demurrage.toStatic(amount, _today());
    }

    /// @notice A static amount in today's demurraged units.
    function fromStatic(uint256 amount) external view returns (uint256) {
        return Demurrage.fromStatic(amount, _today());
    }

    // ------------------------------------------------------------------
    // ERC-1155
    // ------------------------------------------------------------------

    /// @notice `account`'s balance of `id` today (after demurrage).
    function balanceOf(address account, uint256 id) public view returns (uint256) {
        return _balanceOn(account, id, _today());
    }

    /// @inheritdoc IERC1155
    function balanceOfBatch(
        address[] calldata accounts,
        uint256[] calldata ids
    ) external view returns (uint256[] memory balances) {
        if (accounts.length != ids.length) revert IncomeHubLengthMismatch(accounts.length, ids.length);
        balances = new uint256[](accounts.length);
        uint256 day = _today();
        for (uint256 i = 0; i < accounts.length; ++i) balances[i] = _balanceOn(accounts[i], ids[i], day);
    }

    /// @inheritdoc IERC1155
    function setApprovalForAll(address operator, bool approved) external {
        if (operator == address(0)) revert IncomeHubZeroAddress();
        _operators[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    /// @inheritdoc IERC1155
    function isApprovedForAll(address owner, address operator) public view returns (bool) {
        return _operators[owner][operator];
    }

    /// @notice Transfers `value` of `id` (today's units). Needs no trust: see the contract's header.
    function safeTransferFrom(
        address from,
        address to,
        uint256 id,
        uint256 value,
        bytes calldata data
    ) external nonReentrant {
        _checkOperator(from);
        _transfer(from, to, id, value, _today());
        ERC1155Utils.checkOnERC1155Received(msg.sender, from, to, id, value, data);
    }

    /// @notice Transfers several tokens at once (today's units). Needs no trust: see the contract's header.
    function safeBatchTransferFrom(
        address from,
        address to,
        uint256[] calldata ids,
        uint256[] calldata values,
        bytes calldata data
    ) external nonReentrant {
        if (ids.length != values.length) revert IncomeHubLengthMismatch(ids.length, values.length);
        _checkOperator(from);
        uint256 day = _today();
        for (uint256 i = 0; i < ids.length; ++i) _transfer(from, to, ids[i], values[i], day);
        ERC1155Utils.checkOnERC1155BatchReceived(msg.sender, from, to, ids, values, data);
    }

    /// @inheritdoc IERC1155MetadataURI
    function uri(uint256) external view returns (string memory) {
        return _uri;
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view override(ERC165, IERC165) returns (bool) {
        return
            interfaceId == type(IERC1155).interfaceId ||
            interfaceId == type(IERC1155MetadataURI).interfaceId ||
            super.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    /// @dev Mints the income since the last claim and moves the last claim to now; the receiver hook is the
    /// caller's to run, last.
    function _claim(address person, Avatar storage avatar) private returns (uint256 amount) {
        uint256 from;
        (amount, from) = Demurrage.issuance(avatar.lastClaim, block.timestamp, dayZero);
        avatar.lastClaim = uint64(block.timestamp);
        emit IncomeClaimed(person, amount, from, block.timestamp);
        if (amount != 0) _mint(person, _idOf(person), amount);
    }

    /// @dev Moves `value` of `id` and emits the ERC-1155 event; the receiver hook is the caller's to run, last.
    function _transfer(address from, address to, uint256 id, uint256 value, uint256 day) private {
        if (to == address(0)) revert IncomeHubZeroAddress();
        _debit(from, id, value, day);
        _credit(to, id, value, day);
        emit TransferSingle(msg.sender, from, to, id, value);
    }

    function _mint(address to, uint256 id, uint256 value) internal {
        _credit(to, id, value, _today());
        emit TransferSingle(msg.sender, address(0), to, id, value);
    }

    function _burn(address from, uint256 id, uint256 value) private {
        _debit(from, id, value, _today());
        emit TransferSingle(msg.sender, from, address(0), id, value);
    }

    function _debit(address account, uint256 id, uint256 value, uint256 day) private {
        uint256 balance = _balanceOn(account, id, day);
        if (balance < value) revert IncomeHubInsufficientBalance(account, id, balance, value);
        _balances[id][account] = DiscountedBalance(uint192(balance - value), uint64(day));
    }

    function _credit(address account, uint256 id, uint256 value, uint256 day) private {
        uint256 balance = _balanceOn(account, id, day) + value;
        if (balance > Demurrage.MAX_VALUE) revert IncomeHubValueTooLarge(balance);
        _balances[id][account] = DiscountedBalance(uint192(balance), uint64(day));
    }

    function _balanceOn(address account, uint256 id, uint256 day) private view returns (uint256) {
        return Demurrage.valueOn(_balances[id][account], day);
    }

    /// @dev Every vertex ends where it should: the payer at -amount, the receiver at +amount, the others at zero.
    function _checkConservation(
        address[] calldata vertices,
        int256[] memory net,
        address to,
        uint256 amount
    ) private view {
        bool payerSeen;
        bool receiverSeen;
        for (uint256 i = 0; i < vertices.length; ++i) {
            int256 expected;
            if (vertices[i] == msg.sender) {
                expected = -int256(amount);
                payerSeen = true;
            } else if (vertices[i] == to) {
                expected = int256(amount);
                receiverSeen = true;
            }
            if (net[i] != expected) revert IncomeHubFlowNotConserved(vertices[i], net[i], expected);
        }
        if (!payerSeen) revert IncomeHubNotInFlow(msg.sender);
        if (!receiverSeen) revert IncomeHubNotInFlow(to);
    }

    function _checkReceived(address from, address to, uint256 id, uint256 value) private {
        ERC1155Utils.checkOnERC1155Received(msg.sender, from, to, id, value, "");
    }

    function _checkOperator(address from) private view {
        if (from != msg.sender && !isApprovedForAll(from, msg.sender)) revert IncomeHubNotApproved(msg.sender, from);
    }

    function _checkUnregistered(address account) private view {
        if (_avatars[account].kind != AvatarKind.None) revert IncomeHubAlreadyRegistered(account);
    }

    /// @dev A new person: not registered yet, and not a body of the registry (a circle, a council or a part of one).
    function _checkNewPerson(address account) private view {
        if (isRegistryBody(account)) revert IncomeHubRegistryBody(account);
        _checkUnregistered(account);
    }

    /// @dev Whether the registry says `account` is a circle; false if the registry cannot answer (a hub deployed
    /// without a registry has no circles).
    function _isCircle(address account) private view returns (bool) {
        (bool ok, bytes memory answer) = address(registry).staticcall(
            abi.encodeCall(ICircleRegistry.isCircle, (account))
        );
        return ok && answer.length == 32 && abi.decode(answer, (uint256)) == 1;
    }

    function _checkPerson(address account) private view returns (Avatar storage avatar) {
        avatar = _avatars[account];
        if (avatar.kind != AvatarKind.Person) revert IncomeHubNotRegistered(account);
    }

    function _checkCircle(address account) private view {
        if (_avatars[account].kind != AvatarKind.Circle) revert IncomeHubNotCircle(account);
    }

    function _checkGroupBatch(address group, address[] calldata owners, uint256[] calldata amounts) private view {
        _checkCircle(group);
        if (owners.length != amounts.length) revert IncomeHubLengthMismatch(owners.length, amounts.length);
        if (owners.length > MAX_BATCH) revert IncomeHubTooMany(owners.length, MAX_BATCH);
    }

    function _today() private view returns (uint256) {
        return (block.timestamp - dayZero) / 1 days;
    }

    function _idOf(address account) private pure returns (uint256) {
        return uint256(uint160(account));
    }
}
