// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ICircleMembership
/// @notice Who is in a circle: one locked (ERC-5192) ERC-721 token per member, whose token id is the member's
/// address, carrying exactly one checkpointed vote (ERC-5805). Admission and removal happen only by the circle's
/// decision; leaving happens at once, by the member alone.
interface ICircleMembership {
    /// @notice A member joined the circle.
    /// @param member The new member.
    /// @param memberCount The number of members afterwards.
    event MemberAdmitted(address indexed member, uint256 memberCount);

    /// @notice Someone asked to join: the circle may now admit them by its decision.
    /// @param account Who asked.
    event AdmissionRequested(address indexed account);

    /// @notice Someone withdrew their request to join.
    /// @param account Who withdrew it.
    event AdmissionRequestWithdrawn(address indexed account);

    /// @notice A member was removed by the circle's decision.
    /// @param member The former member.
    /// @param memberCount The number of members afterwards.
    event MemberRemoved(address indexed member, uint256 memberCount);

    /// @notice A member left of their own accord.
    /// @param member The former member.
    /// @param memberCount The number of members afterwards.
    event MemberLeft(address indexed member, uint256 memberCount);

    /// @notice The circle changed its maximum size.
    /// @param oldMaxMembers The maximum before.
    /// @param newMaxMembers The maximum now.
    event MaxMembersSet(uint8 oldMaxMembers, uint8 newMaxMembers);

    /// @notice The caller is not the circle this membership belongs to.
    /// @param caller The caller.
    error CircleMembershipOnlyCircle(address caller);

    /// @notice The account is the zero address.
    error CircleMembershipZeroAddress();

    /// @notice The account is already a member (also raised for a founder listed twice).
    /// @param account The account.
    error CircleMembershipAlreadyMember(address account);

    /// @notice The account is not a member.
    /// @param account The account.
    error CircleMembershipNotMember(address account);

    /// @notice Admitting another member would exceed the circle's maximum size.
    /// @param maxMembers The circle's maximum.
    error CircleMembershipFull(uint256 maxMembers);

    /// @notice Fewer founders than the circle's minimum size.
    /// @param founders The number of founders given.
    /// @param minMembers The circle's minimum.
    error CircleMembershipTooFewFounders(uint256 founders, uint256 minMembers);

    /// @notice More founders than the circle's maximum size.
    /// @param founders The number of founders given.
    /// @param maxMembers The circle's maximum.
    error CircleMembershipTooManyFounders(uint256 founders, uint256 maxMembers);

    /// @notice The account has not asked to join (or withdrew its request): no one is admitted without asking.
    /// @param account The account.
    error CircleMembershipNotRequested(address account);

    /// @notice The account has already asked to join.
    /// @param account The account.
    error CircleMembershipAlreadyRequested(address account);

    /// @notice Membership tokens are soulbound: they cannot be transferred or approved.
    /// @param tokenId The token.
    error CircleMembershipSoulbound(uint256 tokenId);

    /// @notice Votes cannot be delegated: every member votes for themselves only.
    error CircleMembershipDelegationDisabled();

    /// @notice Sets up the membership of a new circle. Called once by the registry on the clone.
    /// @param circle The circle (governor) this membership belongs to.
    /// @param name The token's name.
    /// @param founders The founding members; each gets a token and a vote.
    /// @param minMembers The fewest founders allowed.
    /// @param maxMembers The most members allowed.
    function initialize(
        address circle,
        string calldata name,
        address[] calldata founders,
        uint8 minMembers,
        uint8 maxMembers
    ) external;

    /// @notice The caller asks to join the circle: its consent to be admitted. Not for members.
    function requestAdmission() external;

    /// @notice The caller withdraws their request to join.
    function withdrawRequest() external;

    /// @notice Admits `member`, who must have asked ({requestAdmission}); consumes the request. Only the circle, by a
    /// passed proposal.
    /// @param member The account to admit.
    function admit(address member) external;

    /// @notice Removes `member`. Only the circle, by a passed proposal.
    /// @param member The member to remove.
    function remove(address member) external;

    /// @notice Sets the maximum size. Only the circle, when its rules change; no one is removed if the circle is
    /// already larger, but no one is admitted until it is below the maximum.
    /// @param maxMembers The new maximum.
    function setMaxMembers(uint8 maxMembers) external;

    /// @notice The caller leaves the circle at once, with no vote, fee or penalty.
    function leave() external;

    /// @notice Reverts with a named error if the body may not make these calls. For a circle: while its charter has
    /// lapsed, only ratifying a charter, dissolving, admitting and removing members.
    /// @param targets The calls' targets.
    /// @param calldatas The calls' data.
    /// @param lapsed Whether the body's charter has lapsed.
    function checkCalls(address[] calldata targets, bytes[] calldata calldatas, bool lapsed) external view;

    /// @notice How many count toward the quorum of a proposal whose electorate is fixed at `timepoint`: for a circle,
    /// its members then.
    /// @param timepoint A past timepoint.
    function electorateSize(uint256 timepoint) external view returns (uint256);

    /// @notice The circle this membership belongs to.
    function circle() external view returns (address);

    /// @notice Whether `account` is a member now.
    /// @param account The account.
    function isMember(address account) external view returns (bool);

    /// @notice Whether `account` has asked to join and not been admitted or withdrawn since.
    /// @param account The account.
    function hasRequestedAdmission(address account) external view returns (bool);

    /// @notice The most members the circle may have.
    function maxMembers() external view returns (uint8);

    /// @notice The number of members now.
    function memberCount() external view returns (uint256);

    /// @notice The members now, in no particular order; at most the member cap long.
    function members() external view returns (address[] memory);

    /// @notice When `member` was admitted: the second of their latest admission (a member who left and was re-admitted
    /// counts from the re-admission), or the founding for a founder who never left; 0 for anyone who is not a member.
    /// Founders share one admission time. The mentorship inversion orders members by it.
    /// @param member The account.
    function admittedAt(address member) external view returns (uint48);

    /// @notice When the circle was founded (its founders' admission time).
    function foundedAt() external view returns (uint48);

    /// @notice The votes `account` had at `timepoint` if it is a member now (see {isMember}), else 0: the weight a
    /// vote counts, in one call.
    /// @param account The voter.
    /// @param timepoint A past timepoint (a proposal's electorate timepoint).
    function votesIfMember(address account, uint256 timepoint) external view returns (uint256);
}
