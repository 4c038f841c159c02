// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

import {ICircle} from "../interfaces/ICircle.sol";
import {ICircleMembership} from "../interfaces/ICircleMembership.sol";
import {ICircleRegistry} from "../interfaces/ICircleRegistry.sol";
import {ICircleRituals} from "../interfaces/ICircleRituals.sol";
import {ICouncilSeats} from "../interfaces/ICouncilSeats.sol";
import {CircleRules, MandateRules} from "../interfaces/ICircleRules.sol";
import {IMandateBadges} from "../interfaces/IMandateBadges.sol";
import {IMandates} from "../interfaces/IMandates.sol";
import {CircleRulesLib} from "../libraries/CircleRulesLib.sol";

/// @title CircleRegistry
/// @notice Founds circles as EIP-1167 clones (a circle, its membership token, its rituals, its mandates and their
/// badges: five small proxies sharing audited implementations), indexes them, and keeps rule-set templates.
///
/// @dev Security reasoning:
/// - Founders' consent: no one is made a founding member without agreeing to this very founding. Every founder but
///   the sender signs (EIP-712: name, founders, charter hash and URI, the hash of the rules, a deadline, their nonce;
///   the chain id and this registry are in the domain; ERC-1271 for contract founders via SignatureChecker) or
///   approved the same digest by their own transaction ({approveFounding}). A founding consumes each consenting
///   founder's nonce, so a consent founds at most one circle, and {revokeFoundingConsents} cancels every consent
///   not yet used. Later members consent through the membership's `requestAdmission`.
/// - The registry holds no power over circles: it initialises the clones in the creating transaction and keeps no
///   role in them. A circle's only authority is its own members' decisions.
/// - Clones are initialised atomically with their creation, so no one can front-run an initialiser; the
///   implementations disable their initialisers in their constructors.
/// - Every rule set is validated ({CircleRulesLib-validate}) before a template is published or a circle founded,
///   so a circle cannot exceed the member cap that bounds its loops.
/// - Indexes only grow and are read in pages of at most {MAX_PAGE_SIZE}; nothing returns an unbounded array.
contract CircleRegistry is ICircleRegistry, EIP712, Nonces {
    /// @inheritdoc ICircleRegistry
    bytes32 public constant FOUNDING_CONSENT_TYPEHASH = keccak256(
        "FoundingConsent(string name,address[] founders,bytes32 charterHash,string charterURI,bytes32 rulesHash,"
        "uint256 deadline,address founder,uint256 nonce)"
    );

    /// @inheritdoc ICircleRegistry
    uint256 public constant MAX_PAGE_SIZE = 100;

    /// @inheritdoc ICircleRegistry
    uint8 public constant MEMBER_CAP = CircleRulesLib.MEMBER_CAP;

    /// @inheritdoc ICircleRegistry
    address public immutable circleImplementation;

    /// @inheritdoc ICircleRegistry
    address public immutable membershipImplementation;

    /// @inheritdoc ICircleRegistry
    address public immutable ritualsImplementation;

    /// @inheritdoc ICircleRegistry
    address public immutable mandatesImplementation;

    /// @inheritdoc ICircleRegistry
    address public immutable badgesImplementation;

    /// @inheritdoc ICircleRegistry
    address public immutable seatsImplementation;

    /// @inheritdoc ICircleRegistry
    address public immutable defaultRandomness;

    address[] private _circles;
    mapping(address account => bool) private _isCircle;
    mapping(address account => bool) private _isCouncil;
    bytes32[] private _templateIds;
    mapping(bytes32 templateId => Template) private _templates;
    mapping(address founder => mapping(bytes32 digest => bool)) private _approvedFoundings;

    /// @param circleImplementation_ The {Circle} implementation.
    /// @param membershipImplementation_ The {CircleMembership} implementation.
    /// @param ritualsImplementation_ The {CircleRituals} implementation.
    /// @param mandatesImplementation_ The {Mandates} implementation.
    /// @param badgesImplementation_ The {MandateBadges} implementation.
    /// @param seatsImplementation_ The {CouncilSeats} implementation.
    /// @param defaultRandomness_ The randomness source new circles start with.
    constructor(
        address circleImplementation_,
        address membershipImplementation_,
        address ritualsImplementation_,
        address mandatesImplementation_,
        address badgesImplementation_,
        address seatsImplementation_,
        address defaultRandomness_
    ) EIP712("Commonweal CircleRegistry", "1") {
        circleImplementation = circleImplementation_;
        membershipImplementation = membershipImplementation_;
        ritualsImplementation = ritualsImplementation_;
        mandatesImplementation = mandatesImplementation_;
        badgesImplementation = badgesImplementation_;
        seatsImplementation = seatsImplementation_;
        defaultRandomness = defaultRandomness_;
    }

    // ------------------------------------------------------------------
    // Founding
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRegistry
    function createCircle(
        Founding calldata founding,
        CircleRules calldata rules,
        MandateRules calldata mandateRules
    ) external returns (address) {
        return _create(founding, rules, mandateRules, bytes32(0));
    }

    /// @inheritdoc ICircleRegistry
    function createCircleFromTemplate(Founding calldata founding, bytes32 templateId) external returns (address) {
        Template storage t = _existingTemplate(templateId);
        return _create(founding, t.rules, t.mandateRules, templateId);
    }

    /// @inheritdoc ICircleRegistry
    function createCouncil(
        CouncilFounding calldata founding,
        CircleRules calldata rules,
        MandateRules calldata mandateRules
    ) external returns (address) {
        // Only a circle (or a council) founds a council, by its own decision, and holds its first seat.
        if (!_isCircle[msg.sender]) revert CircleRegistryNotCircle(msg.sender);
        CircleParts memory parts = _cloneParts(founding.name, rules, mandateRules, seatsImplementation);
        _isCouncil[parts.circle] = true;
        ICouncilSeats(parts.membership).initializeCouncil(
            parts.circle,
            founding.name,
            msg.sender,
            rules.maxMembers,
            address(this),
            founding.openJoin
        );
        _initializeParts(parts, founding.name, rules, mandateRules, founding.charterHash, founding.charterURI);
        emit CouncilCreated(parts.circle, msg.sender, parts, founding.name, founding.openJoin, rules, mandateRules);
        return parts.circle;
    }

    // ------------------------------------------------------------------
    // Founders' consent
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRegistry
    function approveFounding(bytes32 digest) external {
        _approvedFoundings[msg.sender][digest] = true;
        emit FoundingApproved(msg.sender, digest);
    }

    /// @inheritdoc ICircleRegistry
    function revokeFoundingConsents() external {
        uint256 used = _useNonce(msg.sender);
        emit FoundingConsentsRevoked(msg.sender, used + 1);
    }

    /// @inheritdoc ICircleRegistry
    function foundingDigest(
        Founding calldata founding,
        bytes32 rulesHash_,
        address founder
    ) public view returns (bytes32) {
        return _foundingDigest(_foundingContent(founding, rulesHash_), founder, nonces(founder));
    }

    /// @inheritdoc ICircleRegistry
    function rulesHash(CircleRules memory rules, MandateRules memory mandateRules) public pure returns (bytes32) {
        return keccak256(abi.encode(rules, mandateRules));
    }

    /// @inheritdoc ICircleRegistry
    function isFoundingApproved(address founder, bytes32 digest) external view returns (bool) {
        return _approvedFoundings[founder][digest];
    }

    /// @inheritdoc ICircleRegistry
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    // ------------------------------------------------------------------
    // Templates
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRegistry
    function publishTemplate(
        string calldata name,
        CircleRules calldata rules,
        MandateRules calldata mandateRules
    ) external returns (bytes32) {
        return _publish(name, rules, mandateRules);
    }

    /// @inheritdoc ICircleRegistry
    function publishCircleRules(address circle, string calldata name) external returns (bytes32) {
        if (!_isCircle[circle]) revert CircleRegistryNotCircle(circle);
        return _publish(name, ICircle(circle).rules(), IMandates(ICircle(circle).mandates()).rules());
    }

    // ------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRegistry
    function isCircle(address account) external view returns (bool) {
        return _isCircle[account];
    }

    /// @inheritdoc ICircleRegistry
    function isCouncil(address account) external view returns (bool) {
        return _isCouncil[account];
    }

    /// @inheritdoc ICircleRegistry
    function circleCount() external view returns (uint256) {
        return _circles.length;
    }

    /// @inheritdoc ICircleRegistry
    function circles(uint256 offset, uint256 limit) external view returns (address[] memory page) {
        uint256 length = _pageLength(_circles.length, offset, limit);
        page = new address[](length);
        for (uint256 i = 0; i < length; ++i) {
            page[i] = _circles[offset + i];
        }
    }

    /// @inheritdoc ICircleRegistry
    function template(bytes32 templateId) external view returns (Template memory) {
        return _existingTemplate(templateId);
    }

    /// @inheritdoc ICircleRegistry
    function templateCount() external view returns (uint256) {
        return _templateIds.length;
    }

    /// @inheritdoc ICircleRegistry
    function templates(uint256 offset, uint256 limit) external view returns (bytes32[] memory page) {
        uint256 length = _pageLength(_templateIds.length, offset, limit);
        page = new bytes32[](length);
        for (uint256 i = 0; i < length; ++i) {
            page[i] = _templateIds[offset + i];
        }
    }

    /// @inheritdoc ICircleRegistry
    function defaultRules() external pure returns (CircleRules memory) {
        return CircleRulesLib.defaults();
    }

    /// @inheritdoc ICircleRegistry
    function defaultMandateRules() external pure returns (MandateRules memory) {
        return CircleRulesLib.defaultMandateRules();
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    function _create(
        Founding calldata founding,
        CircleRules memory rules,
        MandateRules memory mandateRules,
        bytes32 templateId
    ) private returns (address) {
        if (founding.founders.length == 0) revert CircleRegistryNoFounders();
        CircleParts memory parts = _cloneParts(founding.name, rules, mandateRules, membershipImplementation);
        ICircleMembership(parts.membership).initialize(
            parts.circle,
            founding.name,
            founding.founders,
            rules.minMembers,
            rules.maxMembers
        );
        _initializeParts(parts, founding.name, rules, mandateRules, founding.charterHash, founding.charterURI);
        // Consents are checked last, once the founders and rules are known valid, so a refusal names the real
        // obstacle; the whole founding reverts if one is missing.
        _checkConsents(founding, rulesHash(rules, mandateRules));
        emit CircleCreated(parts.circle, msg.sender, templateId, parts, founding.name, rules, mandateRules);
        return parts.circle;
    }

    /// @dev Every founder but the sender consented to this founding, by signature or by an earlier approval of its
    /// digest; each consent's nonce is used up. Bounded by the founders (at most the member cap, checked after this
    /// by the membership before this runs).
    function _checkConsents(Founding calldata founding, bytes32 rulesHash_) private {
        uint256 count = founding.founders.length;
        if (founding.consents.length != count) revert CircleRegistryConsentCount(founding.consents.length, count);
        if (block.timestamp > founding.deadline) revert CircleRegistryConsentExpired(founding.deadline);
        bytes memory content = _foundingContent(founding, rulesHash_);
        for (uint256 i = 0; i < count; ++i) {
            address founder = founding.founders[i];
            if (founder == msg.sender) continue;
            bytes32 digest = _foundingDigest(content, founder, _useNonce(founder));
            bytes calldata signature = founding.consents[i];
            if (signature.length == 0 && _approvedFoundings[founder][digest]) {
                _approvedFoundings[founder][digest] = false;
            } else if (signature.length == 0 || !SignatureChecker.isValidSignatureNow(founder, digest, signature)) {
                revert CircleRegistryNoConsent(founder);
            }
        }
    }

    /// @dev The encoded consent struct up to the founder and nonce (every field is one word, so appending the founder
    /// and nonce gives exactly the EIP-712 encoding of the whole struct).
    function _foundingContent(Founding calldata founding, bytes32 rulesHash_) private pure returns (bytes memory) {
        return
            abi.encode(
                FOUNDING_CONSENT_TYPEHASH,
                keccak256(bytes(founding.name)),
                keccak256(abi.encodePacked(founding.founders)),
                founding.charterHash,
                keccak256(bytes(founding.charterURI)),
                rulesHash_,
                founding.deadline
            );
    }

    function _foundingDigest(bytes memory content, address founder, uint256 nonce) private view returns (bytes32) {
        return _hashTypedDataV4(keccak256(bytes.concat(content, abi.encode(founder, nonce))));
    }

    /// @dev Validates the rules and clones the five parts of a circle or council, indexing it as a circle.
    function _cloneParts(
        string calldata name,
        CircleRules memory rules,
        MandateRules memory mandateRules,
        address membership
    ) private returns (CircleParts memory parts) {
        if (bytes(name).length == 0) revert CircleRegistryEmptyName();
        CircleRulesLib.validate(rules);
        CircleRulesLib.validate(mandateRules);
        parts = CircleParts({
            circle: Clones.clone(circleImplementation),
            membership: Clones.clone(membership),
            rituals: Clones.clone(ritualsImplementation),
            mandates: Clones.clone(mandatesImplementation),
            badges: Clones.clone(badgesImplementation)
        });
        _circles.push(parts.circle);
        _isCircle[parts.circle] = true;
    }

    /// @dev Initialises every part but the membership, which differs between circles and councils.
    function _initializeParts(
        CircleParts memory parts,
        string calldata name,
        CircleRules memory rules,
        MandateRules memory mandateRules,
        bytes32 charterHash,
        string calldata charterURI
    ) private {
        ICircleRituals(parts.rituals).initialize(
            parts.circle,
            parts.membership,
            rules.resetThreshold,
            rules.resetWindow,
            rules.temperaturePeriod,
            rules.dominanceCooldown
        );
        IMandates(parts.mandates).initialize(
            parts.circle,
            parts.membership,
            parts.rituals,
            defaultRandomness,
            parts.badges,
            mandateRules
        );
        IMandateBadges(parts.badges).initialize(parts.mandates, parts.circle, name);
        ICircle(parts.circle).initialize(
            name,
            parts.membership,
            parts.rituals,
            parts.mandates,
            rules,
            charterHash,
            charterURI
        );
    }

    function _publish(
        string calldata name,
        CircleRules memory rules,
        MandateRules memory mandateRules
    ) private returns (bytes32 templateId) {
        if (bytes(name).length == 0) revert CircleRegistryEmptyName();
        CircleRulesLib.validate(rules);
        CircleRulesLib.validate(mandateRules);
        templateId = keccak256(bytes(name));
        if (_templates[templateId].publishedAt != 0) revert CircleRegistryTemplateExists(templateId);
        _templates[templateId] = Template({
            name: name,
            publisher: msg.sender,
            publishedAt: uint64(block.timestamp),
            rules: rules,
            mandateRules: mandateRules
        });
        _templateIds.push(templateId);
        emit TemplatePublished(templateId, msg.sender, name, rules, mandateRules);
    }

    function _existingTemplate(bytes32 templateId) private view returns (Template storage t) {
        t = _templates[templateId];
        if (t.publishedAt == 0) revert CircleRegistryTemplateNotFound(templateId);
    }

    function _pageLength(uint256 total, uint256 offset, uint256 limit) private pure returns (uint256) {
        if (limit > MAX_PAGE_SIZE) revert CircleRegistryPageTooLarge(limit, MAX_PAGE_SIZE);
        if (offset >= total) return 0;
        uint256 remaining = total - offset;
        return remaining < limit ? remaining : limit;
    }
}
