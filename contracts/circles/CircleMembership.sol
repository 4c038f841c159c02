// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC721VotesUpgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC721/extensions/ERC721VotesUpgradeable.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {IERC5192} from "../interfaces/IERC5192.sol";

/// @title CircleMembership
/// @notice One member, one vote: a soulbound ERC-721 whose token id is the member's address and whose single
/// vote is checkpointed (ERC-5805, timestamp clock), so a proposal can count the members as they were.
///
/// @dev Security reasoning:
/// - Soulbound (ERC-5192): transfers and approvals revert, so a vote cannot be sold or lent.
/// - No delegation: every member is self-delegated at admission and `delegate`/`delegateBySig` revert, so no one
///   can gather standing voting power from others.
/// - Consent: no one becomes a member without asking. Founders consent to the founding (the registry checks it);
///   anyone else first calls {requestAdmission} themselves (and may {withdrawRequest}), and only then can the
///   circle's decision admit them; an admission consumes the request.
/// - Only the circle (its executed proposals) admits and removes; leaving needs no one's permission and cannot be
///   blocked: the circle's role-module hooks it triggers tolerate failures.
/// - The member set is bounded by the circle's `maxMembers`, itself capped at {CircleRulesLib-MEMBER_CAP}, so
///   {members} and every loop over it are bounded.
contract CircleMembership is ERC721VotesUpgradeable, ICircleMembership, IERC5192 {
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @custom:storage-location erc7201:commonweal.storage.CircleMembership
    struct MembershipStorage {
        address circle;
        uint8 maxMembers;
        EnumerableSet.AddressSet members;
        mapping(address account => bool) requested;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.CircleMembership")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant MEMBERSHIP_STORAGE = 0x1fbbc48085d9c561cdd5bb80407a4def5192cae6a8d3142112a9fd8ac8c41e00;

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

    /// @dev Shared by every kind of membership (a council's seats extend this contract).
    function _initializeMembership(
        address circle_,
        string calldata name_,
        address[] memory founders,
        uint8 minMembers,
        uint8 maxMembers_
    ) internal onlyInitializing {
        __ERC721_init(name_, "MEMBER");
        __EIP712_init(name_, "1");
        __ERC721Votes_init();
        if (founders.length < minMembers) revert CircleMembershipTooFewFounders(founders.length, minMembers);
        if (founders.length > maxMembers_) revert CircleMembershipTooManyFounders(founders.length, maxMembers_);
        MembershipStorage storage $ = _membershipStorage();
        $.circle = circle_;
        $.maxMembers = maxMembers_;
        for (uint256 i = 0; i < founders.length; ++i) {
            _admit(founders[i]);
        }
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

    /// @inheritdoc IERC5192
    function locked(uint256 tokenId) external view returns (bool) {
        _requireOwned(tokenId);
        return true;
    }

    /// @notice ERC-165: also ERC-5192 (soulbound).
    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == type(IERC5192).interfaceId || super.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------
    // ERC-6372 clock: timestamps, like every duration in Commonweal
    // ------------------------------------------------------------------

    /// @notice The current timepoint: the block's timestamp.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock mode: timestamps.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    // ------------------------------------------------------------------
    // Soulbound and undelegable
    // ------------------------------------------------------------------

    /// @notice Disabled: membership tokens cannot be approved.
    function approve(address, uint256 tokenId) public pure override {
        revert CircleMembershipSoulbound(tokenId);
    }

    /// @notice Disabled: membership tokens cannot be approved.
    function setApprovalForAll(address, bool) public pure override {
        revert CircleMembershipSoulbound(0);
    }

    /// @notice Disabled: every member votes for themselves.
    function delegate(address) public pure override {
        revert CircleMembershipDelegationDisabled();
    }

    /// @notice Disabled: every member votes for themselves.
    function delegateBySig(address, uint256, uint256, uint8, bytes32, bytes32) public pure override {
        revert CircleMembershipDelegationDisabled();
    }

    /// @dev Mints and burns only; a member is self-delegated on first admission so their one vote counts at once.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        from = _ownerOf(tokenId);
        if (from != address(0) && to != address(0)) revert CircleMembershipSoulbound(tokenId);
        super._update(to, tokenId, auth);
        if (from == address(0) && delegates(to) == address(0)) _delegate(to, to);
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

    function _admit(address member) internal {
        if (member == address(0)) revert CircleMembershipZeroAddress();
        MembershipStorage storage $ = _membershipStorage();
        if (!$.members.add(member)) revert CircleMembershipAlreadyMember(member);
        uint256 tokenId = uint256(uint160(member));
        _mint(member, tokenId);
        emit Locked(tokenId);
        emit MemberAdmitted(member, $.members.length());
    }

    function _exit(address member) private returns (uint256 count) {
        MembershipStorage storage $ = _membershipStorage();
        if (!$.members.remove(member)) revert CircleMembershipNotMember(member);
        _burn(uint256(uint160(member)));
        count = $.members.length();
    }

    /// @dev Whether `account` holds a membership token, whatever else `isMember` requires.
    function _holdsMembership(address account) internal view returns (bool) {
        return _membershipStorage().members.contains(account);
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
    // Appended for the governor: one call per vote
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleMembership
    /// @dev {isMember} is virtual, so a council's seats count only while they count now.
    function votesIfMember(address account, uint256 timepoint) external view returns (uint256) {
        return isMember(account) ? getPastVotes(account, timepoint) : 0;
    }
}
