// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {IERC5192} from "../interfaces/IERC5192.sol";

/// @title CircleMembership
/// @notice One member, one vote: a soulbound ERC-721 whose token id is the member's address and whose single
/// vote is checkpointed (ERC-5805, timestamp clock), so a proposal can count the members as they were.
///
/// @dev Security reasoning:
/// - Soulbound (ERC-5192): transfers and approvals revert, so a vote cannot be sold or lent. Ownership is not stored
///   apart from the member set: `ownerOf` and `balanceOf` read it, so the token can never say something the
///   membership does not; `Transfer` events mark every admission (mint) and departure (burn).
/// - No delegation: a vote is one membership, nothing else. `delegates` answers the account itself for anyone ever
///   admitted, and `delegate`/`delegateBySig` revert, so no one can gather standing voting power from others. The
///   votes are OpenZeppelin `Checkpoints` (one trace per member, 0 or 1, and one for the total) rather than the
///   whole delegation machinery of `Votes`, which a one-member-one-vote body never uses.
/// - Invariant: a member's vote at any past timepoint is 1 exactly when they were a member then, and the past total
///   is the member count then. A founder's trace starts empty: their vote from the founding until their first
///   checkpoint (a departure) is implicit, which saves a write per founder. Which traces are founders' is not
///   inferred from the order of checkpoints (two checkpoints in the same second overwrite each other, so a newcomer
///   admitted and leaving in one second would look like a founder, and a founder leaving and re-admitted in one second
///   would lose their past): every checkpoint of a founder's trace carries {FOUNDER_TRACE} beside the vote, written
///   on their first departure and kept by every later checkpoint.
/// - Consent: no one becomes a member without asking. Founders consent to the founding (the registry checks it);
///   anyone else first calls {requestAdmission} themselves (and may {withdrawRequest}), and only then can the
///   circle's decision admit them; an admission consumes the request.
/// - Only the circle (its executed proposals) admits and removes; leaving needs no one's permission and cannot be
///   blocked: the circle's role-module hooks it triggers tolerate failures.
/// - The member set is bounded by the circle's `maxMembers`, itself capped at {CircleRulesLib-MEMBER_CAP}, so
///   {members} and every loop over it are bounded.
contract CircleMembership is Initializable, IERC721Metadata, IERC721Errors, IERC5192, IERC5805, ICircleMembership {
    using Checkpoints for Checkpoints.Trace208;
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @custom:storage-location erc7201:commonweal.storage.CircleMembership
    struct MembershipStorage {
        address circle;
        uint8 maxMembers;
        uint48 foundedAt;
        EnumerableSet.AddressSet members;
        mapping(address account => bool) requested;
        mapping(address account => Checkpoints.Trace208) votes;
        Checkpoints.Trace208 totalVotes;
        string name;
    }

    /// @dev Beside the vote (bit 0) in every checkpoint of a founder's trace (see the header's invariant).
    uint208 private constant FOUNDER_TRACE = 2;

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.CircleMembership")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant MEMBERSHIP_STORAGE = 0x1fbbc48085d9c561cdd5bb80407a4def5192cae6a8d3142112a9fd8ac8c41e00;

    /// @notice A lookup at or after the current timepoint (as in OpenZeppelin's `Votes`).
    /// @param timepoint The timepoint asked for.
    /// @param clock The current timepoint.
    error ERC5805FutureLookup(uint256 timepoint, uint48 clock);

    modifier onlyCircle() {
        _checkCircle();
        _;
    }

    /// @dev The implementation is only ever used through clones.
    constructor() {
        _disableInitializers();
    }

    /// @inheritdoc ICircleMembership
    function initialize(
        address circle_,
        string calldata name_,
        address[] calldata founders,
        uint8 minMembers,
        uint8 maxMembers_
    ) external initializer {
        _initializeMembership(circle_, name_, founders, minMembers, maxMembers_);
    }

    /// @dev Shared by every kind of membership (a council's seats extend this contract). The founders' votes are
    /// implicit from the founding (see the header); the total is checkpointed once.
    function _initializeMembership(
        address circle_,
        string calldata name_,
        address[] memory founders,
        uint8 minMembers,
        uint8 maxMembers_
    ) internal onlyInitializing {
        if (founders.length < minMembers) revert CircleMembershipTooFewFounders(founders.length, minMembers);
        if (founders.length > maxMembers_) revert CircleMembershipTooManyFounders(founders.length, maxMembers_);
        MembershipStorage storage $ = _membershipStorage();
        $.circle = circle_;
        $.maxMembers = maxMembers_;
        $.foundedAt = clock();
        $.name = name_;
        for (uint256 i = 0; i < founders.length; ++i) {
            address founder = founders[i];
            if (founder == address(0)) revert CircleMembershipZeroAddress();
            if (!$.members.add(founder)) revert CircleMembershipAlreadyMember(founder);
            emit DelegateChanged(founder, address(0), founder);
            _announceAdmission(founder, i + 1);
        }
        $.totalVotes.push(clock(), uint208(founders.length));
    }

    // ------------------------------------------------------------------
    // Joining and leaving
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleMembership
    function requestAdmission() external {
        MembershipStorage storage $ = _membershipStorage();
        if ($.members.contains(msg.sender)) revert CircleMembershipAlreadyMember(msg.sender);
        if ($.requested[msg.sender]) revert CircleMembershipAlreadyRequested(msg.sender);
        $.requested[msg.sender] = true;
        emit AdmissionRequested(msg.sender);
    }

    /// @inheritdoc ICircleMembership
    function withdrawRequest() external {
        MembershipStorage storage $ = _membershipStorage();
        if (!$.requested[msg.sender]) revert CircleMembershipNotRequested(msg.sender);
        $.requested[msg.sender] = false;
        emit AdmissionRequestWithdrawn(msg.sender);
    }

    /// @inheritdoc ICircleMembership
    function admit(address member) public virtual onlyCircle {
        // What needs no request is checked first, so that a refusal names the real obstacle.
        if (member == address(0)) revert CircleMembershipZeroAddress();
        if (_membershipStorage().members.contains(member)) revert CircleMembershipAlreadyMember(member);
        _takeAdmissionRequest(member);
        _admitWithinLimit(member);
    }

    /// @inheritdoc ICircleMembership
    function remove(address member) external onlyCircle {
        uint256 count = _exit(member);
        emit MemberRemoved(member, count);
        ICircle(_membershipStorage().circle).notifyMemberLeft(member);
    }

    /// @inheritdoc ICircleMembership
    function setMaxMembers(uint8 maxMembers_) external onlyCircle {
        MembershipStorage storage $ = _membershipStorage();
        emit MaxMembersSet($.maxMembers, maxMembers_);
        $.maxMembers = maxMembers_;
    }

    /// @inheritdoc ICircleMembership
    function leave() external {
        uint256 count = _exit(msg.sender);
        emit MemberLeft(msg.sender, count);
        ICircle(_membershipStorage().circle).notifyMemberLeft(msg.sender);
    }

    // ------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleMembership
    function checkCalls(address[] calldata targets, bytes[] calldata calldatas, bool lapsed) public view virtual {
        if (!lapsed) return;
        address circle_ = _membershipStorage().circle;
        for (uint256 i = 0; i < targets.length; ++i) {
            bytes4 selector = bytes4(calldatas[i]);
            bool allowed =
                (targets[i] == circle_ &&
                    (selector == ICircle.ratifyCharter.selector || selector == ICircle.dissolve.selector)) ||
                    (targets[i] == address(this) &&
                        (selector == ICircleMembership.admit.selector ||
                            selector == ICircleMembership.remove.selector));
            if (!allowed)
                revert ICircle.CircleCharterLapsed(ICircle(circle_).charter().expiresAt, targets[i], selector);
        }
    }

    /// @inheritdoc ICircleMembership
    function electorateSize(uint256 timepoint) public view virtual returns (uint256) {
        return getPastTotalSupply(timepoint);
    }

    /// @inheritdoc ICircleMembership
    function circle() public view returns (address) {
        return _membershipStorage().circle;
    }

    /// @inheritdoc ICircleMembership
    function isMember(address account) public view virtual returns (bool) {
        return _membershipStorage().members.contains(account);
    }

    /// @inheritdoc ICircleMembership
    function hasRequestedAdmission(address account) external view returns (bool) {
        return _membershipStorage().requested[account];
    }

    /// @inheritdoc ICircleMembership
    function maxMembers() public view returns (uint8) {
        return _membershipStorage().maxMembers;
    }

    /// @inheritdoc ICircleMembership
    function memberCount() public view virtual returns (uint256) {
        return _membershipStorage().members.length();
    }

    /// @inheritdoc ICircleMembership
    function members() public view returns (address[] memory) {
        return _membershipStorage().members.values();
    }

    /// @inheritdoc ICircleMembership
    /// @dev Derived, not stored: checkpoints are written only on admission (vote 1) and departure (vote 0), so a
    /// member's latest checkpoint is their latest admission, keyed by its second; within one second a later
    /// checkpoint overwrites an earlier one but keeps the key, so a departure and re-admission in the same second
    /// still read as an admission then. A member without a checkpoint is a founder who never left.
    function admittedAt(address member) external view returns (uint48) {
        if (!_holdsMembership(member)) return 0;
        MembershipStorage storage $ = _membershipStorage();
        Checkpoints.Trace208 storage history = $.votes[member];
        uint256 length = history.length();
        return length == 0 ? $.foundedAt : history.at(uint32(length - 1))._key;
    }

    /// @inheritdoc ICircleMembership
    function foundedAt() external view returns (uint48) {
        return _membershipStorage().foundedAt;
    }

    // ------------------------------------------------------------------
    // ERC-721, read from the member set; soulbound
    // ------------------------------------------------------------------

    /// @notice 1 for a member, 0 for anyone else.
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _holdsMembership(owner) ? 1 : 0;
    }

    /// @notice The member whose address is `tokenId`; reverts for anyone who is not a member.
    function ownerOf(uint256 tokenId) public view returns (address owner) {
        owner = address(uint160(tokenId));
        if (uint256(uint160(owner)) != tokenId || !_holdsMembership(owner)) revert ERC721NonexistentToken(tokenId);
    }

    /// @inheritdoc IERC5192
    function locked(uint256 tokenId) external view returns (bool) {
        ownerOf(tokenId);
        return true;
    }

    /// @notice The token's name, given at the founding (the circle's).
    function name() external view returns (string memory) {
        return _membershipStorage().name;
    }

    /// @notice "MEMBER".
    function symbol() external pure returns (string memory) {
        return "MEMBER";
    }

    /// @notice No metadata beyond the name: empty for every member's token; reverts for anyone else.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        ownerOf(tokenId);
        return "";
    }

    /// @notice Nobody is ever approved.
    function getApproved(uint256 tokenId) external view returns (address) {
        ownerOf(tokenId);
        return address(0);
    }

    /// @notice Nobody is ever approved.
    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    /// @notice Disabled: membership tokens cannot be approved.
    function approve(address, uint256 tokenId) external pure {
        revert CircleMembershipSoulbound(tokenId);
    }

    /// @notice Disabled: membership tokens cannot be approved.
    function setApprovalForAll(address, bool) external pure {
        revert CircleMembershipSoulbound(0);
    }

    /// @notice Disabled: membership tokens are soulbound.
    function transferFrom(address, address, uint256 tokenId) external pure {
        revert CircleMembershipSoulbound(tokenId);
    }

    /// @notice Disabled: membership tokens are soulbound.
    function safeTransferFrom(address, address, uint256 tokenId) external pure {
        revert CircleMembershipSoulbound(tokenId);
    }

    /// @notice Disabled: membership tokens are soulbound.
    function safeTransferFrom(address, address, uint256 tokenId, bytes calldata) external pure {
        revert CircleMembershipSoulbound(tokenId);
    }

    /// @notice ERC-165: ERC-721, its metadata extension and ERC-5192 (soulbound).
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return
            interfaceId == type(IERC721).interfaceId ||
            interfaceId == type(IERC721Metadata).interfaceId ||
            interfaceId == type(IERC5192).interfaceId ||
            interfaceId == type(IERC165).interfaceId;
    }

    // ------------------------------------------------------------------
    // ERC-5805 votes: one per member, undelegable; ERC-6372 clock: timestamps, like every duration in Commonweal
    // ------------------------------------------------------------------

    /// @notice 1 for a member now, 0 for anyone else.
    function getVotes(address account) external view returns (uint256) {
        return _holdsMembership(account) ? 1 : 0;
    }

    /// @notice 1 if `account` was a member at `timepoint` (a past timestamp), else 0.
    function getPastVotes(address account, uint256 timepoint) public view returns (uint256) {
        uint48 at = _pastTimepoint(timepoint);
        MembershipStorage storage $ = _membershipStorage();
        Checkpoints.Trace208 storage history = $.votes[account];
        if (history.length() != 0) {
            Checkpoints.Checkpoint208 memory first = history.at(0);
            if (at >= first._key) return history.upperLookupRecent(at) & 1;
            // Before its first checkpoint, only a founder's trace has a vote (from the founding on).
            if (first._value & FOUNDER_TRACE == 0) return 0;
        } else if (!_holdsMembership(account)) {
            return 0;
        }
        return at >= $.foundedAt ? 1 : 0;
    }

    /// @notice The number of members at `timepoint` (a past timestamp).
    function getPastTotalSupply(uint256 timepoint) public view returns (uint256) {
        return _membershipStorage().totalVotes.upperLookupRecent(_pastTimepoint(timepoint));
    }

    /// @notice The account itself for anyone ever admitted (every member votes for themselves), else zero.
    function delegates(address account) external view returns (address) {
        bool admitted = _holdsMembership(account) || _membershipStorage().votes[account].length() != 0;
        return admitted ? account : address(0);
    }

    /// @notice Disabled: every member votes for themselves.
    function delegate(address) external pure {
        revert CircleMembershipDelegationDisabled();
    }

    /// @notice Disabled: every member votes for themselves.
    function delegateBySig(address, uint256, uint256, uint8, bytes32, bytes32) external pure {
        revert CircleMembershipDelegationDisabled();
    }

    /// @notice The current timepoint: the block's timestamp.
    function clock() public view returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock mode: timestamps.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    /// @dev Admits `member` unless the body is already at its maximum size (founding skips this check: the founders
    /// are checked against the maximum as a whole).
    function _admitWithinLimit(address member) internal {
        MembershipStorage storage $ = _membershipStorage();
        if ($.members.length() >= $.maxMembers) revert CircleMembershipFull($.maxMembers);
        _admit(member);
    }

    /// @dev Consumes `member`'s own request to join: no one is admitted without asking. A council's seats override
    /// this, as circles ask for a seat with `requestSeat`, checked in their `admit`.
    function _takeAdmissionRequest(address member) internal virtual {
        MembershipStorage storage $ = _membershipStorage();
        if (!$.requested[member]) revert CircleMembershipNotRequested(member);
        $.requested[member] = false;
    }

    /// @dev An admission after the founding: a checkpoint of 1 (the first one of a newcomer, who is then
    /// self-delegated), and the total.
    function _admit(address member) internal {
        if (member == address(0)) revert CircleMembershipZeroAddress();
        MembershipStorage storage $ = _membershipStorage();
        if (!$.members.add(member)) revert CircleMembershipAlreadyMember(member);
        Checkpoints.Trace208 storage history = $.votes[member];
        if (history.length() == 0) emit DelegateChanged(member, address(0), member);
        history.push(clock(), 1 | _founderMark(history, false));
        uint256 count = $.members.length();
        $.totalVotes.push(clock(), uint208(count));
        _announceAdmission(member, count);
    }

    /// @dev The events of an admission: the token's mint and lock, the vote, the membership.
    function _announceAdmission(address member, uint256 count) private {
        uint256 tokenId = uint256(uint160(member));
        emit Transfer(address(0), member, tokenId);
        emit DelegateVotesChanged(member, 0, 1);
        emit Locked(tokenId);
        emit MemberAdmitted(member, count);
    }

    /// @dev {FOUNDER_TRACE} if `history` is a founder's: marked on its first checkpoint (an empty trace gets it only
    /// when a member without a checkpoint leaves, which only a founder can be), kept on every later one.
    function _founderMark(Checkpoints.Trace208 storage history, bool leavingMember) private view returns (uint208) {
        if (history.length() == 0) return leavingMember ? FOUNDER_TRACE : 0;
        return history.at(0)._value & FOUNDER_TRACE;
    }

    function _exit(address member) private returns (uint256 count) {
        MembershipStorage storage $ = _membershipStorage();
        if (!$.members.remove(member)) revert CircleMembershipNotMember(member);
        count = $.members.length();
        Checkpoints.Trace208 storage history = $.votes[member];
        // A member without a checkpoint is a founder leaving for the first time.
        history.push(clock(), _founderMark(history, true));
        $.totalVotes.push(clock(), uint208(count));
        emit Transfer(member, address(0), uint256(uint160(member)));
        emit DelegateVotesChanged(member, 1, 0);
    }

    /// @dev Whether `account` holds a membership token, whatever else `isMember` requires.
    function _holdsMembership(address account) internal view returns (bool) {
        return _membershipStorage().members.contains(account);
    }

    /// @dev `timepoint` as a checkpoint key, refused unless it is in the past (ERC-5805).
    function _pastTimepoint(uint256 timepoint) private view returns (uint48) {
        uint48 now_ = clock();
        if (timepoint >= now_) revert ERC5805FutureLookup(timepoint, now_);
        return uint48(timepoint);
    }

    function _checkCircle() private view {
        if (msg.sender != _membershipStorage().circle) revert CircleMembershipOnlyCircle(msg.sender);
    }

    function _membershipStorage() private pure returns (MembershipStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            $.slot := MEMBERSHIP_STORAGE
        }
    }

    // ------------------------------------------------------------------
    // The governor's one call per vote
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleMembership
    /// @dev {isMember} is virtual, so a council's seats count only while they count now.
    function votesIfMember(address account, uint256 timepoint) external view virtual returns (uint256) {
        return isMember(account) ? getPastVotes(account, timepoint) : 0;
    }
}
