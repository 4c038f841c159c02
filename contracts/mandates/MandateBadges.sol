// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";

import {IERC5192} from "../interfaces/IERC5192.sol";
import {IMandateBadges} from "../interfaces/IMandateBadges.sol";
import {IMandates} from "../interfaces/IMandates.sol";
import {CloneArgs} from "../libraries/CloneArgs.sol";

/// @title MandateBadges
/// @notice The circle's mandates as a soulbound ERC-721 collection, so wallets show who holds which mandate.
///
/// @dev Security reasoning:
/// - Ownership is not stored here: `ownerOf` and `balanceOf` read the mandates module, so a badge can never say
///   something the mandate does not. A mandate that expired but whose expiry nobody has recorded yet has no owner
///   already; its burn `Transfer` event follows when the expiry is recorded.
/// - Only the mandates module mints and burns (emits the events); every transfer and approval reverts. The mandates
///   module and the circle are the clone's immutable arguments (packed after the proxy by the registry at the
///   founding, {CloneArgs}): part of its code, so nobody can change them, and checking the caller reads no storage.
///   At the implementation, called directly rather than through a clone, both read as zero: nobody can mint there.
/// - Role and title strings come from the circle's own decisions; they are JSON-escaped in `tokenURI`.
/// - The role history is the mandates module's (every mandate of a role, oldest first; it only grows), read in pages
///   of at most {MAX_PAGE_SIZE}.
contract MandateBadges is Initializable, IERC721Metadata, IERC721Errors, IERC5192, IMandateBadges {
    using Strings for uint256;
    using Strings for address;
    using Strings for string;

    /// @notice The largest page a paged view returns.
    uint256 public constant MAX_PAGE_SIZE = 100;

    /// @custom:storage-location erc7201:commonweal.storage.MandateBadges
    struct BadgesStorage {
        // The mandates module and the circle are the clone's immutable arguments ({_mandates}, {circle}).
        string circleName;
        mapping(bytes32 roleId => string) roleNames;
        mapping(uint256 mandateId => string) titles;
    }

    // keccak256(abi.encode(uint256(keccak256("commonweal.storage.MandateBadges")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant BADGES_STORAGE = 0x6db3e7c9565abecd8b37f00507610e92b58bbdd415000958f2b7d797ae740b00;

    /// @dev Where this code was deployed: the implementation's address, which has no clone arguments.
    address private immutable _deployedAt = address(this);

    /// @dev The implementation is only ever used through clones.
    constructor() {
        _disableInitializers();
    }

    /// @inheritdoc IMandateBadges
    function initialize(string calldata circleName_) external initializer {
        _badgesStorage().circleName = circleName_;
    }

    // ------------------------------------------------------------------
    // Minting and burning, by the mandates module
    // ------------------------------------------------------------------

    /// @inheritdoc IMandateBadges
    function onGranted(
        uint256 mandateId,
        address holder,
        bytes32 roleId,
        string calldata role,
        string calldata title_
    ) external {
        BadgesStorage storage $ = _checkMandates();
        if (_keepsNames()) {
            if (bytes($.roleNames[roleId]).length == 0) $.roleNames[roleId] = role;
            $.titles[mandateId] = title_;
        }
        emit Transfer(address(0), holder, mandateId);
        emit Locked(mandateId);
    }

    /// @inheritdoc IMandateBadges
    function onEnded(uint256 mandateId, address holder) external {
        _checkMandates();
        emit Transfer(holder, address(0), mandateId);
    }

    // ------------------------------------------------------------------
    // ERC-721, read from the mandates
    // ------------------------------------------------------------------

    /// @notice How many live mandates `owner` holds.
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _mandates().liveCountOf(owner);
    }

    /// @notice The holder of a live mandate; reverts for an ended or expired one.
    function ownerOf(uint256 tokenId) public view returns (address) {
        IMandates mandates_ = _mandates();
        if (!mandates_.isLive(tokenId)) revert ERC721NonexistentToken(tokenId);
        return mandates_.mandate(tokenId).holder;
    }

    /// @inheritdoc IERC5192
    function locked(uint256 tokenId) external view returns (bool) {
        ownerOf(tokenId);
        return true;
    }

    /// @notice "<circle> mandates".
    function name() external view returns (string memory) {
        return string.concat(_badgesStorage().circleName, " mandates");
    }

    /// @notice "MANDATE".
    function symbol() external pure returns (string memory) {
        return "MANDATE";
    }

    /// @notice On-chain JSON describing the mandate: circle, role, title, scope, holder, dates and status. Ended
    /// mandates keep theirs, as a record.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        IMandates.Mandate memory m = _mandates().mandate(tokenId);
        return string.concat("data:application/json;base64,", Base64.encode(bytes(_json(tokenId, m))));
    }

    /// @notice Disabled: badges are soulbound.
    function approve(address, uint256 tokenId) external pure {
        revert MandateBadgesSoulbound(tokenId);
    }

    /// @notice Disabled: badges are soulbound.
    function setApprovalForAll(address, bool) external pure {
        revert MandateBadgesSoulbound(0);
    }

    /// @notice Disabled: badges are soulbound.
    function transferFrom(address, address, uint256 tokenId) external pure {
        revert MandateBadgesSoulbound(tokenId);
    }

    /// @notice Disabled: badges are soulbound.
    function safeTransferFrom(address, address, uint256 tokenId) external pure {
        revert MandateBadgesSoulbound(tokenId);
    }

    /// @notice Disabled: badges are soulbound.
    function safeTransferFrom(address, address, uint256 tokenId, bytes calldata) external pure {
        revert MandateBadgesSoulbound(tokenId);
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

    /// @notice ERC-165: ERC-721, its metadata extension and ERC-5192.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return
            interfaceId == type(IERC721).interfaceId ||
            interfaceId == type(IERC721Metadata).interfaceId ||
            interfaceId == type(IERC5192).interfaceId ||
            interfaceId == type(IERC165).interfaceId;
    }

    // ------------------------------------------------------------------
    // History
    // ------------------------------------------------------------------

    /// @inheritdoc IMandateBadges
    function circle() public view returns (address) {
        return CloneArgs.addressAt(_deployedAt, 1);
    }

    /// @inheritdoc IMandateBadges
    function roleName(bytes32 roleId) external view returns (string memory) {
        return _badgesStorage().roleNames[roleId];
    }

    /// @inheritdoc IMandateBadges
    function title(uint256 mandateId) external view returns (string memory) {
        return _badgesStorage().titles[mandateId];
    }

    /// @inheritdoc IMandateBadges
    function roleHistoryLength(bytes32 roleId) external view returns (uint256) {
        return _mandates().roleHistoryLength(roleId);
    }

    /// @inheritdoc IMandateBadges
    function roleHistory(bytes32 roleId, uint256 offset, uint256 limit) external view returns (uint256[] memory page) {
        if (limit > MAX_PAGE_SIZE) revert MandateBadgesPageTooLarge(limit, MAX_PAGE_SIZE);
        page = _mandates().roleHistory(roleId, offset, limit);
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    // JSON is written with single-quoted literals so that its own double quotes need no escaping.
    // solhint-disable quotes
    function _json(uint256 tokenId, IMandates.Mandate memory m) private view returns (string memory) {
        BadgesStorage storage $ = _badgesStorage();
        string memory role = $.roleNames[m.roleId].escapeJSON();
        return
            string.concat(
                '{"name":"',
                role,
                " - ",
                $.circleName.escapeJSON(),
                '","description":"',
                $.titles[tokenId].escapeJSON(),
                '","attributes":[',
                _attribute("circle", circle().toHexString()),
                ",",
                _attribute("role", role),
                ",",
                _attribute("scope", uint256(m.scopeHash).toHexString(32)),
                ",",
                _attribute("holder", m.holder.toHexString()),
                ",",
                _dates(m),
                "]}"
            );
    }

    function _dates(IMandates.Mandate memory m) private view returns (string memory) {
        return
            string.concat(
                '{"display_type":"date","trait_type":"granted","value":',
                uint256(m.grantedAt).toString(),
                '},{"display_type":"date","trait_type":"expires","value":',
                uint256(m.expiresAt).toString(),
                "},",
                _attribute("status", _status(m))
            );
    }

    function _attribute(string memory trait, string memory value) private pure returns (string memory) {
        return string.concat('{"trait_type":"', trait, '","value":"', value, '"}');
    }

    // solhint-enable quotes

    function _status(IMandates.Mandate memory m) private view returns (string memory) {
        if (m.endReason == IMandates.EndReason.None) return block.timestamp < m.expiresAt ? "live" : "expired";
        string[7] memory reasons = ["live", "expired", "completed", "handed back", "recalled", "reset", "holder left"];
        return reasons[uint8(m.endReason)];
    }

    /// @dev Whether a grant keeps the role's name and the mandate's title, which the badge shows: always (a bench
    /// variant, contracts/mocks/guarantees/, overrides it to measure what keeping them costs; as a constant it
    /// compiles away).
    function _keepsNames() internal pure virtual returns (bool) {
        return true;
    }

    function _checkMandates() private view returns (BadgesStorage storage $) {
        if (msg.sender != address(_mandates())) revert MandateBadgesOnlyMandates(msg.sender);
        $ = _badgesStorage();
    }

    /// @dev The circle's mandates module (the clone's first argument; the circle is the second); zero at the
    /// implementation.
    function _mandates() private view returns (IMandates) {
        return IMandates(CloneArgs.addressAt(_deployedAt, 0));
    }

    function _badgesStorage() private pure returns (BadgesStorage storage $) {
        // solhint-disable-next-line no-inline-assembly
        assembly {
            $.slot := BADGES_STORAGE
        }
    }
}
