// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IIncomeHub
/// @notice Basic income: every registered person's own token (an ERC-1155 id equal to their address) is minted to
/// them at 1 per hour, loses 7% a year, and is spent along chains of personal trust.
interface IIncomeHub {
    /// @notice What a registered account is.
    enum AvatarKind {
        None,
        Person,
        Circle
    }

    /// @notice One hop of a payment along trust: `amount` of the token of `vertices[token]` moves from
    /// `vertices[from]` to `vertices[to]`. Indices into the payment's vertex list.
    struct FlowEdge {
        uint16 from;
        uint16 to;
        uint16 token;
        uint192 amount;
    }

    /// @notice Deployment settings.
    /// @param registry The circle registry whose circles may register, vouch and be groups.
    /// @param dayZero Start of day 0 of demurrage: a whole hour, not in the future.
    /// @param bootstrapPeriod How long after deployment people may register without an invitation.
    /// @param invitationCost What an invitation burns of the inviter's own token.
    /// @param welcomeBonus What an invited person receives of their own token on registration.
    /// @param uri The ERC-1155 metadata URI template.
    struct Config {
        address registry;
        uint64 dayZero;
        uint64 bootstrapPeriod;
        uint192 invitationCost;
        uint192 welcomeBonus;
        string uri;
    }

    /// @notice A person registered.
    /// @param person The person.
    /// @param inviter Who invited them: a person, a circle vouching for its member, or zero while bootstrapping.
    event PersonRegistered(address indexed person, address indexed inviter);

    /// @notice A circle offered to register one of its members as a person, burning what an invitation costs.
    /// @param circle The circle.
    /// @param person The member it vouches for (registered once they accept).
    /// @param payer The member whose token (given to the circle) was burned.
    /// @param cost How much was burned.
    event VouchOffered(address indexed circle, address indexed person, address indexed payer, uint256 cost);

    /// @notice A circle registered: it may vouch for its members and is a group with its own token.
    /// @param circle The circle.
    event CircleRegistered(address indexed circle);

    /// @notice `truster` accepts the token of `trustee` until `expiry` (an expiry in the past ends the trust).
    /// @param truster Who trusts.
    /// @param trustee Whose token they accept.
    /// @param expiry When the trust ends.
    event Trust(address indexed truster, address indexed trustee, uint256 expiry);

    /// @notice A person claimed their income.
    /// @param person The person.
    /// @param amount What was minted, in today's demurraged units.
    /// @param from The time counting started from.
    /// @param to The claim's time.
    event IncomeClaimed(address indexed person, uint256 amount, uint256 from, uint256 to);

    /// @notice A person ended their issuance for good.
    /// @param person The person.
    event IncomeStopped(address indexed person);

    /// @notice A payment along trust went through.
    /// @param payer The payer.
    /// @param to The receiver.
    /// @param amount The amount received.
    /// @param hops How many transfers (edges) it took.
    event PaidAlongTrust(address indexed payer, address indexed to, uint256 amount, uint256 hops);

    /// @notice Someone minted a group's token against personal tokens the group trusts, now in its treasury.
    /// @param group The group (a circle).
    /// @param account Who minted.
    /// @param amount How much of the group's token.
    event GroupMinted(address indexed group, address indexed account, uint256 amount);

    /// @notice Someone redeemed a group's token for personal tokens from its treasury.
    /// @param group The group (a circle).
    /// @param account Who redeemed.
    /// @param amount How much of the group's token was burned.
    event GroupRedeemed(address indexed group, address indexed account, uint256 amount);

    /// @notice The account is already registered.
    /// @param account The account.
    error IncomeHubAlreadyRegistered(address account);

    /// @notice The account is not a registered person (or circle, where one is required).
    /// @param account The account.
    error IncomeHubNotRegistered(address account);

    /// @notice The bootstrap period is over: registering needs an inviter.
    /// @param bootstrapEnd When it ended.
    error IncomeHubInvitationRequired(uint256 bootstrapEnd);

    /// @notice The inviter does not trust the invitee (inviting is trusting first).
    /// @param inviter The inviter.
    /// @param invitee The invitee.
    error IncomeHubNotInvited(address inviter, address invitee);

    /// @notice A balance is too small.
    /// @param account The account.
    /// @param id The token.
    /// @param balance What it holds today.
    /// @param needed What is needed.
    error IncomeHubInsufficientBalance(address account, uint256 id, uint256 balance, uint256 needed);

    /// @notice The person has stopped their issuance for good.
    /// @param person The person.
    error IncomeHubStopped(address person);

    /// @notice The account is not a circle of the registry.
    /// @param account The account.
    error IncomeHubNotCircle(address account);

    /// @notice The circle cannot vouch for someone who is not its member.
    /// @param circle The circle.
    /// @param account The account.
    error IncomeHubNotMember(address circle, address account);

    /// @notice Too many entries in one call.
    /// @param count How many were given.
    /// @param cap The most allowed.
    error IncomeHubTooMany(uint256 count, uint256 cap);

    /// @notice An amount or balance would not fit (at most 2^192 - 1).
    /// @param value The value.
    error IncomeHubValueTooLarge(uint256 value);

    /// @notice The caller may not move the owner's tokens.
    /// @param operator The caller.
    /// @param owner The owner.
    error IncomeHubNotApproved(address operator, address owner);

    /// @notice The zero address cannot take part.
    error IncomeHubZeroAddress();

    /// @notice Arrays that go together have different lengths.
    /// @param first The first length.
    /// @param second The second length.
    error IncomeHubLengthMismatch(uint256 first, uint256 second);

    /// @notice A person cannot trust themselves (they always accept their own token).
    /// @param account The account.
    error IncomeHubSelfTrust(address account);

    /// @notice The payment's vertices are not strictly ascending at `index`.
    /// @param index The index.
    error IncomeHubVerticesNotSorted(uint256 index);

    /// @notice An edge of the payment is malformed (an index out of range, or from and to the same vertex).
    /// @param edge The edge's index.
    error IncomeHubInvalidEdge(uint256 edge);

    /// @notice A hop's receiver does not trust the token it would receive.
    /// @param edge The edge's index.
    /// @param receiver The receiver.
    /// @param tokenOwner Whose token it is.
    error IncomeHubUntrustedHop(uint256 edge, address receiver, address tokenOwner);

    /// @notice A vertex does not end with what it should: the payer -amount, the receiver +amount, others zero.
    /// @param vertex The vertex.
    /// @param net What it would end with.
    /// @param expected What it should end with.
    error IncomeHubFlowNotConserved(address vertex, int256 net, int256 expected);

    /// @notice The payer or the receiver is missing from the payment's vertices, or they are the same.
    /// @param account The account.
    error IncomeHubNotInFlow(address account);

    /// @notice The group does not trust the token offered as collateral.
    /// @param group The group.
    /// @param tokenOwner Whose token it is.
    error IncomeHubUntrustedCollateral(address group, address tokenOwner);

    /// @notice The account is a circle, a council or a part of one: it can never be registered as a person.
    /// @param account The account.
    error IncomeHubRegistryBody(address account);

    /// @notice The circle has not vouched for the person (or the offer was already accepted).
    /// @param circle The circle.
    /// @param person The person.
    error IncomeHubNotVouched(address circle, address person);

    /// @notice The circle has already vouched for the person; the offer waits for their acceptance.
    /// @param circle The circle.
    /// @param person The person.
    error IncomeHubAlreadyVouched(address circle, address person);

    /// @notice The day zero is not a whole hour, or is in the future.
    /// @param dayZero The day zero.
    error IncomeHubInvalidDayZero(uint256 dayZero);
}
