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
///   implementations disable their initialisers in their constructors. The mandates and their badges are clones with
///   immutable arguments ({Clones-cloneWithImmutableArgs}): the addresses of the circle's other parts they trust
///   (the circle, its membership and rituals; the mandates) are written into their code at creation, here, and
///   nobody can change them after.
/// - Every rule set is validated ({CircleRulesLib-validate}) before a template is published or a circle founded,
///   so a circle cannot exceed the member cap that bounds its loops.
/// - Indexes only grow and are read in pages of at most {MAX_PAGE_SIZE}; nothing returns an unbounded array.
/// - Lineage cannot be claimed, only declared: a template's parent is marked verified only when its publisher
///   (`msg.sender`) is a circle of this registry founded from that parent, which the registry recorded itself at the
///   founding. A person, or anyone publishing a circle's rules on its behalf, only declares a parent, and the
///   template says so. A parent must exist and is older than its child, so lineage has no cycles.
/// - Feedback comes only from those who lived by a template: {reportTemplateResult} accepts a report only from the
///   circle contract itself (so by its members' decision) and only for the template it was founded from, once per
///   circle, with a URI of at most {MAX_REPORT_URI_LENGTH} bytes; a template's reports are therefore at most its
///   adopters. Adopters are counted by the registry at founding, so no one can inflate them without founding circles.
contract CircleRegistry is ICircleRegistry, EIP712, Nonces {
    /// @inheritdoc ICircleRegistry
    bytes32 public constant FOUNDING_CONSENT_TYPEHASH = keccak256(
        "FoundingConsent(string name,address[] founders,bytes32 charterHash,string charterURI,bytes32 rulesHash,"
        "uint256 deadline,address founder,uint256 nonce)"
    );

    /// @inheritdoc ICircleRegistry
    uint256 public constant MAX_PAGE_SIZE = 100;

    /// @inheritdoc ICircleRegistry
    uint256 public constant MAX_REPORT_URI_LENGTH = 256;

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

    /// @dev One slot per circle, written once at its founding: the founding template is kept as its number (1 + its
    /// index in `_templateIds`, 0 for none) beside the flag, so knowing it costs a founding no extra slot.
    struct CircleRecord {
        bool exists;
        bool reported;
        uint64 templateNumber;
    }

    /// @dev What grows under a template after it is published.
    struct TemplateLinks {
        uint64 number;
        bytes32[] children;
        address[] adopters;
        TemplateReport[] reports;
    }

    address[] private _circles;
    mapping(address account => CircleRecord) private _circleRecords;
    mapping(address account => bool) private _isCouncil;
    bytes32[] private _templateIds;
    mapping(bytes32 templateId => Template) private _templates;
    mapping(address founder => mapping(bytes32 digest => bool)) private _approvedFoundings;
    mapping(bytes32 templateId => TemplateLinks) private _links;

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
        return _create(founding, rules, mandateRules, bytes32(0), 0);
    }

    /// @inheritdoc ICircleRegistry
    function createCircleFromTemplate(Founding calldata founding, bytes32 templateId) external returns (address) {
        Template storage t = _existingTemplate(templateId);
        TemplateLinks storage links = _links[templateId];
        address circle = _create(founding, t.rules, t.mandateRules, templateId, links.number);
        links.adopters.push(circle);
        return circle;
    }

    /// @inheritdoc ICircleRegistry
    function createCouncil(
        CouncilFounding calldata founding,
        CircleRules calldata rules,
        MandateRules calldata mandateRules
    ) external returns (address) {
        // Only a circle (or a council) founds a council, by its own decision, and holds its first seat.
        if (!_circleRecords[msg.sender].exists) revert CircleRegistryNotCircle(msg.sender);
        CircleParts memory parts = _cloneParts(founding.name, rules, mandateRules, seatsImplementation, 0);
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
        return _publish(name, rules, mandateRules, bytes32(0));
    }

    /// @inheritdoc ICircleRegistry
    function publishCircleRules(address circle, string calldata name) external returns (bytes32) {
        return _publishCircleRules(circle, name, bytes32(0));
    }

    /// @inheritdoc ICircleRegistry
    function publishTemplateWithParent(
        string calldata name,
        CircleRules calldata rules,
        MandateRules calldata mandateRules,
        bytes32 parentId
    ) external returns (bytes32) {
        return _publish(name, rules, mandateRules, parentId);
    }

    /// @inheritdoc ICircleRegistry
    function publishCircleRulesWithParent(
        address circle,
        string calldata name,
        bytes32 parentId
    ) external returns (bytes32) {
        return _publishCircleRules(circle, name, parentId);
    }

    /// @inheritdoc ICircleRegistry
    function reportTemplateResult(bytes32 templateId, bytes32 reportHash, string calldata uri) external {
        CircleRecord storage record = _circleRecords[msg.sender];
        if (foundingTemplate(msg.sender) != templateId || templateId == bytes32(0))
            revert CircleRegistryNotAdopter(msg.sender, templateId);
        if (record.reported) revert CircleRegistryAlreadyReported(msg.sender, templateId);
        if (reportHash == bytes32(0) || bytes(uri).length > MAX_REPORT_URI_LENGTH)
            revert CircleRegistryInvalidReport(bytes(uri).length, MAX_REPORT_URI_LENGTH);
        record.reported = true;
        TemplateReport[] storage reports = _links[templateId].reports;
        reports.push(
            TemplateReport({circle: msg.sender, reportedAt: uint64(block.timestamp), reportHash: reportHash, uri: uri})
        );
        emit TemplateResultReported(templateId, msg.sender, reports.length - 1, reportHash, uri);
    }

    // ------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------

    /// @inheritdoc ICircleRegistry
    function isCircle(address account) external view returns (bool) {
        return _circleRecords[account].exists;
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
    function foundingTemplate(address circle) public view returns (bytes32) {
        uint64 number = _circleRecords[circle].templateNumber;
        return number == 0 ? bytes32(0) : _templateIds[number - 1];
    }

    /// @inheritdoc ICircleRegistry
    function templateCounts(
        bytes32 templateId
    ) external view returns (uint256 children, uint256 adopters, uint256 reports) {
        _existingTemplate(templateId);
        TemplateLinks storage links = _links[templateId];
        return (links.children.length, links.adopters.length, links.reports.length);
    }

    /// @inheritdoc ICircleRegistry
    function templateChildren(
        bytes32 templateId,
        uint256 offset,
        uint256 limit
    ) external view returns (bytes32[] memory page) {
        bytes32[] storage children = _links[templateId].children;
        uint256 length = _pageLength(children.length, offset, limit);
        page = new bytes32[](length);
        for (uint256 i = 0; i < length; ++i) {
            page[i] = children[offset + i];
        }
    }

    /// @inheritdoc ICircleRegistry
    function templateAdopters(
        bytes32 templateId,
        uint256 offset,
        uint256 limit
    ) external view returns (address[] memory page) {
        address[] storage adopters = _links[templateId].adopters;
        uint256 length = _pageLength(adopters.length, offset, limit);
        page = new address[](length);
        for (uint256 i = 0; i < length; ++i) {
            page[i] = adopters[offset + i];
        }
    }

    /// @inheritdoc ICircleRegistry
    function templateReports(
        bytes32 templateId,
        uint256 offset,
        uint256 limit
    ) external view returns (TemplateReport[] memory page) {
        TemplateReport[] storage reports = _links[templateId].reports;
        uint256 length = _pageLength(reports.length, offset, limit);
        page = new TemplateReport[](length);
        for (uint256 i = 0; i < length; ++i) {
            page[i] = reports[offset + i];
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
        bytes32 templateId,
        uint64 templateNumber
    ) private returns (address) {
        if (founding.founders.length == 0) revert CircleRegistryNoFounders();
        CircleParts memory parts = _cloneParts(
            founding.name,
            rules,
            mandateRules,
            membershipImplementation,
            templateNumber
        );
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

    /// @dev Validates the rules and clones the five parts of a circle or council, indexing it as a circle founded from
    /// the template numbered `templateNumber` (0 for none) in the one slot its record takes.
    function _cloneParts(
        string calldata name,
        CircleRules memory rules,
        MandateRules memory mandateRules,
        address membership,
        uint64 templateNumber
    ) private returns (CircleParts memory parts) {
        if (bytes(name).length == 0) revert CircleRegistryEmptyName();
        CircleRulesLib.validate(rules);
        CircleRulesLib.validate(mandateRules);
        // In this order: the mandates carry the three parts before them in their code, the badges the mandates and
        // the circle (immutable arguments, fixed here for good; the parts are initialised after).
        parts.circle = Clones.clone(circleImplementation);
        parts.membership = Clones.clone(membership);
        parts.rituals = Clones.clone(ritualsImplementation);
        parts.mandates = Clones.cloneWithImmutableArgs(
            mandatesImplementation,
            abi.encodePacked(parts.circle, parts.membership, parts.rituals)
        );
        parts.badges = Clones.cloneWithImmutableArgs(
            badgesImplementation,
            abi.encodePacked(parts.mandates, parts.circle)
        );
        _circles.push(parts.circle);
        _circleRecords[parts.circle] = CircleRecord({exists: true, reported: false, templateNumber: templateNumber});
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
        IMandates(parts.mandates).initialize(defaultRandomness, parts.badges, mandateRules);
        IMandateBadges(parts.badges).initialize(name);
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

    function _publishCircleRules(address circle, string calldata name, bytes32 parentId) private returns (bytes32) {
        if (!_circleRecords[circle].exists) revert CircleRegistryNotCircle(circle);
        return _publish(name, ICircle(circle).rules(), IMandates(ICircle(circle).mandates()).rules(), parentId);
    }

    /// @dev The parent is verified only when the publisher itself is a circle founded from it (see the header).
    function _publish(
        string calldata name,
        CircleRules memory rules,
        MandateRules memory mandateRules,
        bytes32 parentId
    ) private returns (bytes32 templateId) {
        if (bytes(name).length == 0) revert CircleRegistryEmptyName();
        CircleRulesLib.validate(rules);
        CircleRulesLib.validate(mandateRules);
        templateId = keccak256(bytes(name));
        if (_templates[templateId].publishedAt != 0) revert CircleRegistryTemplateExists(templateId);
        bool verified;
        if (parentId != bytes32(0)) {
            _existingTemplate(parentId);
            verified = foundingTemplate(msg.sender) == parentId;
            _links[parentId].children.push(templateId);
        }
        _templates[templateId] = Template({
            name: name,
            publisher: msg.sender,
            publishedAt: uint64(block.timestamp),
            rules: rules,
            mandateRules: mandateRules,
            parent: parentId,
            parentVerified: verified
        });
        _templateIds.push(templateId);
        _links[templateId].number = uint64(_templateIds.length);
        emit TemplatePublished(templateId, msg.sender, name, rules, mandateRules);
        if (parentId != bytes32(0)) emit TemplateParentNamed(templateId, parentId, msg.sender, verified);
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
