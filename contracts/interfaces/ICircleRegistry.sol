// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CircleRules, ICircleRules, MandateRules} from "./ICircleRules.sol";

/// @title ICircleRegistry
/// @notice Creates circles as clones of one implementation, indexes them, and keeps the published rule-set
/// templates from which new circles can be made: good practice spreads by copying, not by command.
interface ICircleRegistry is ICircleRules {
    /// @notice What it takes to found a circle.
    /// @param name The circle's name.
    /// @param founders The founding members (between the rules' min and max, no duplicates, no zero address).
    /// @param charterHash Hash of the founding charter.
    /// @param charterURI Where the founding charter can be read.
    /// @param deadline The last second at which the founders' consents count.
    /// @param consents One per founder, in the same order: their EIP-712 `FoundingConsent` signature (ERC-1271 for a
    /// contract), or empty for the sender and for a founder who approved the digest by transaction.
    struct Founding {
        string name;
        address[] founders;
        bytes32 charterHash;
        string charterURI;
        uint256 deadline;
        bytes[] consents;
    }

    /// @notice What it takes to found a council.
    /// @param name The council's name.
    /// @param charterHash Hash of its charter.
    /// @param charterURI Where the charter can be read.
    /// @param openJoin Whether a circle's request seats it without a council vote.
    struct CouncilFounding {
        string name;
        bytes32 charterHash;
        string charterURI;
        bool openJoin;
    }

    /// @notice A published rule set.
    /// @param name The template's unique name.
    /// @param publisher Who published it.
    /// @param publishedAt When.
    /// @param rules The circle rules.
    /// @param mandateRules The mandate rules.
    /// @param parent The template it names as its parent, or zero for none.
    /// @param parentVerified Whether the publisher is a circle of this registry founded from `parent`; otherwise the
    /// parent is only declared.
    struct Template {
        string name;
        address publisher;
        uint64 publishedAt;
        CircleRules rules;
        MandateRules mandateRules;
        bytes32 parent;
        bool parentVerified;
    }

    /// @notice A circle's report, back to the template it was founded from, of how living by it went.
    /// @param circle The circle that reported (by its own decision).
    /// @param reportedAt When.
    /// @param reportHash The report's content hash.
    /// @param uri Where the report can be read.
    struct TemplateReport {
        address circle;
        uint64 reportedAt;
        bytes32 reportHash;
        string uri;
    }

    /// @notice The contracts that make up one circle.
    /// @param circle The circle (governor).
    /// @param membership Its membership token.
    /// @param rituals Its rituals.
    /// @param mandates Its mandates module.
    /// @param badges Its mandate badges.
    struct CircleParts {
        address circle;
        address membership;
        address rituals;
        address mandates;
        address badges;
    }

    /// @notice A circle was founded.
    /// @param circle The circle (governor).
    /// @param creator Who created it.
    /// @param templateId The template it was made from, or zero for custom rules.
    /// @param parts The circle and its membership, rituals and mandates contracts.
    /// @param name The circle's name.
    /// @param rules The circle's rules.
    /// @param mandateRules The circle's mandate rules.
    event CircleCreated(
        address indexed circle,
        address indexed creator,
        bytes32 indexed templateId,
        CircleParts parts,
        string name,
        CircleRules rules,
        MandateRules mandateRules
    );

    /// @notice A council was founded by a circle's decision; that circle holds its first seat.
    /// @param council The council (governor).
    /// @param foundingCircle The circle (or council) that founded it.
    /// @param parts The council and its seats, rituals, mandates and badges.
    /// @param name The council's name.
    /// @param openJoin Whether circles are seated on request.
    /// @param rules The council's rules (its charter term is its sunset).
    /// @param mandateRules The council's mandate rules.
    event CouncilCreated(
        address indexed council,
        address indexed foundingCircle,
        CircleParts parts,
        string name,
        bool openJoin,
        CircleRules rules,
        MandateRules mandateRules
    );

    /// @notice A rule set was published as a template.
    /// @param templateId The template's id: the keccak256 of its name.
    /// @param publisher Who published it.
    /// @param name The template's name.
    /// @param rules The circle rules.
    /// @param mandateRules The mandate rules.
    event TemplatePublished(
        bytes32 indexed templateId,
        address indexed publisher,
        string name,
        CircleRules rules,
        MandateRules mandateRules
    );

    /// @notice A template was published naming a parent template.
    /// @param templateId The new template.
    /// @param parentId The parent it names.
    /// @param publisher Who published it.
    /// @param verified Whether the publisher is a circle founded from the parent (otherwise only declared).
    event TemplateParentNamed(
        bytes32 indexed templateId,
        bytes32 indexed parentId,
        address indexed publisher,
        bool verified
    );

    /// @notice A circle founded from a template reported back to it how living by it went.
    /// @param templateId The template.
    /// @param circle The circle.
    /// @param index The report's index in the template's reports ({templateReports}).
    /// @param reportHash The report's content hash.
    /// @param uri Where the report can be read.
    event TemplateResultReported(
        bytes32 indexed templateId,
        address indexed circle,
        uint256 index,
        bytes32 reportHash,
        string uri
    );

    /// @notice A founder approved a founding's consent digest by their own transaction.
    /// @param founder The founder.
    /// @param digest The EIP-712 digest of their `FoundingConsent` ({foundingDigest}).
    event FoundingApproved(address indexed founder, bytes32 indexed digest);

    /// @notice A founder cancelled every founding consent they gave and that is not used yet.
    /// @param founder The founder.
    /// @param nonce Their nonce from now on.
    event FoundingConsentsRevoked(address indexed founder, uint256 nonce);

    /// @notice A founder other than the sender gave no valid consent to this founding.
    /// @param founder The founder.
    error CircleRegistryNoConsent(address founder);

    /// @notice The founders' consents are past their deadline.
    /// @param deadline The deadline.
    error CircleRegistryConsentExpired(uint256 deadline);

    /// @notice There must be exactly one consent entry per founder.
    /// @param consents How many consents were given.
    /// @param founders How many founders there are.
    error CircleRegistryConsentCount(uint256 consents, uint256 founders);

    /// @notice A name is empty.
    error CircleRegistryEmptyName();

    /// @notice A template of that name is already published.
    /// @param templateId The template's id.
    error CircleRegistryTemplateExists(bytes32 templateId);

    /// @notice No template has that id.
    /// @param templateId The id.
    error CircleRegistryTemplateNotFound(bytes32 templateId);

    /// @notice The address is not a circle of this registry.
    /// @param account The address.
    error CircleRegistryNotCircle(address account);

    /// @notice A page was asked for with more entries than the page size cap.
    /// @param limit The page size asked for.
    /// @param max The cap.
    error CircleRegistryPageTooLarge(uint256 limit, uint256 max);

    /// @notice No founders were given.
    error CircleRegistryNoFounders();

    /// @notice Only a circle founded from the template can report back to it.
    /// @param account The caller.
    /// @param templateId The template.
    error CircleRegistryNotAdopter(address account, bytes32 templateId);

    /// @notice A circle reports back to its template once.
    /// @param circle The circle.
    /// @param templateId The template.
    error CircleRegistryAlreadyReported(address circle, bytes32 templateId);

    /// @notice A report needs a content hash, and a URI of at most the cap.
    /// @param uriLength The URI's length in bytes.
    /// @param max The cap ({MAX_REPORT_URI_LENGTH}).
    error CircleRegistryInvalidReport(uint256 uriLength, uint256 max);

    /// @notice Founds a circle with its own rules. Every founder but the sender must consent (see {Founding}).
    /// @param founding Name, founders, charter and the founders' consents.
    /// @param rules The circle's rules.
    /// @param mandateRules The circle's mandate rules.
    /// @return circle The new circle.
    function createCircle(
        Founding calldata founding,
        CircleRules calldata rules,
        MandateRules calldata mandateRules
    ) external returns (address circle);

    /// @notice Founds a circle with the rules of a published template. Every founder but the sender must consent to
    /// the template's rules (see {Founding}).
    /// @param founding Name, founders, charter and the founders' consents.
    /// @param templateId The template.
    /// @return circle The new circle.
    function createCircleFromTemplate(Founding calldata founding, bytes32 templateId) external returns (address circle);

    /// @notice Founds a council of circles. Only a circle (or a council) of this registry, by its own decision;
    /// it holds the first seat. Same governor as a circle; its membership is a {ICouncilSeats}.
    /// @param founding Name, charter and join policy.
    /// @param rules The council's rules; `minMembers` must be 1 (one founding seat); the charter term is the sunset.
    /// @param mandateRules The council's mandate rules (its facilitator is its rotating convenor).
    /// @return council The new council.
    function createCouncil(
        CouncilFounding calldata founding,
        CircleRules calldata rules,
        MandateRules calldata mandateRules
    ) external returns (address council);

    /// @notice Approves, by the caller's own transaction, the founding whose consent digest is `digest` (what a
    /// signature would sign, {foundingDigest}); used up by that founding.
    /// @param digest The digest.
    function approveFounding(bytes32 digest) external;

    /// @notice Cancels every founding consent the caller signed or approved and that is not used yet (uses a nonce).
    function revokeFoundingConsents() external;

    /// @notice The EIP-712 digest `founder` signs (or approves) to consent to `founding`, at their current nonce.
    /// The founding's `consents` are ignored.
    /// @param founding The founding.
    /// @param rulesHash The hash of its rules ({rulesHash}; a template's rules for a founding from a template).
    /// @param founder The founder.
    function foundingDigest(
        Founding calldata founding,
        bytes32 rulesHash,
        address founder
    ) external view returns (bytes32);

    /// @notice The hash of a rule set that founders consent to: keccak256 of their ABI encoding.
    /// @param rules The circle rules.
    /// @param mandateRules The mandate rules.
    function rulesHash(CircleRules memory rules, MandateRules memory mandateRules) external pure returns (bytes32);

    /// @notice Whether `founder` approved `digest` by transaction and it is not used yet.
    /// @param founder The founder.
    /// @param digest The digest.
    function isFoundingApproved(address founder, bytes32 digest) external view returns (bool);

    /// @notice The EIP-712 domain separator of founding consents (name "Commonweal CircleRegistry", version "1").
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32);

    /// @notice The EIP-712 type hash of a founding consent.
    // solhint-disable-next-line func-name-mixedcase
    function FOUNDING_CONSENT_TYPEHASH() external view returns (bytes32);

    /// @notice Publishes a rule set as a named template anyone can found circles from. Names are first come.
    /// @param name The template's name.
    /// @param rules The circle rules.
    /// @param mandateRules The mandate rules.
    /// @return templateId The template's id (keccak256 of the name).
    function publishTemplate(
        string calldata name,
        CircleRules calldata rules,
        MandateRules calldata mandateRules
    ) external returns (bytes32 templateId);

    /// @notice Publishes the rules an existing circle of this registry lives by as a named template.
    /// @param circle The circle.
    /// @param name The template's name.
    /// @return templateId The template's id.
    function publishCircleRules(address circle, string calldata name) external returns (bytes32 templateId);

    /// @notice Publishes a rule set as a named template that names a parent template. The parent is verified when the
    /// caller is a circle of this registry founded from it; otherwise it is only declared ({Template}).
    /// @param name The template's name.
    /// @param rules The circle rules.
    /// @param mandateRules The mandate rules.
    /// @param parentId The parent template (must exist; zero for none).
    /// @return templateId The template's id.
    function publishTemplateWithParent(
        string calldata name,
        CircleRules calldata rules,
        MandateRules calldata mandateRules,
        bytes32 parentId
    ) external returns (bytes32 templateId);

    /// @notice Publishes the rules an existing circle lives by as a named template that names a parent. The parent is
    /// verified only when the circle itself publishes (by its decision) and was founded from the parent.
    /// @param circle The circle.
    /// @param name The template's name.
    /// @param parentId The parent template (must exist; zero for none).
    /// @return templateId The template's id.
    function publishCircleRulesWithParent(
        address circle,
        string calldata name,
        bytes32 parentId
    ) external returns (bytes32 templateId);

    /// @notice Reports back to a template how living by it went. Only a circle founded from the template, by its own
    /// decision (the circle is the caller), and once per circle.
    /// @param templateId The template the calling circle was founded from.
    /// @param reportHash The report's content hash (not zero).
    /// @param uri Where the report can be read (at most {MAX_REPORT_URI_LENGTH} bytes).
    function reportTemplateResult(bytes32 templateId, bytes32 reportHash, string calldata uri) external;

    /// @notice The implementation every circle is a clone of.
    function circleImplementation() external view returns (address);

    /// @notice The implementation every membership token is a clone of.
    function membershipImplementation() external view returns (address);

    /// @notice The implementation every rituals contract is a clone of.
    function ritualsImplementation() external view returns (address);

    /// @notice The implementation every mandates module is a clone of.
    function mandatesImplementation() external view returns (address);

    /// @notice The implementation every mandate-badge collection is a clone of.
    function badgesImplementation() external view returns (address);

    /// @notice The implementation every council's seats are a clone of.
    function seatsImplementation() external view returns (address);

    /// @notice The randomness source new circles draw lots with (each circle can change its own).
    function defaultRandomness() external view returns (address);

    /// @notice Whether `account` is a circle created by this registry.
    /// @param account The address.
    function isCircle(address account) external view returns (bool);

    /// @notice Whether `account` is a council created by this registry (councils are circles too).
    /// @param account The address.
    function isCouncil(address account) external view returns (bool);

    /// @notice How many circles exist (councils included).
    function circleCount() external view returns (uint256);

    /// @notice A page of circles, oldest first.
    /// @param offset Index of the first circle.
    /// @param limit At most this many (at most {MAX_PAGE_SIZE}).
    function circles(uint256 offset, uint256 limit) external view returns (address[] memory page);

    /// @notice A published template.
    /// @param templateId The template's id.
    function template(bytes32 templateId) external view returns (Template memory);

    /// @notice How many templates are published.
    function templateCount() external view returns (uint256);

    /// @notice A page of template ids, oldest first.
    /// @param offset Index of the first template.
    /// @param limit At most this many (at most {MAX_PAGE_SIZE}).
    function templates(uint256 offset, uint256 limit) external view returns (bytes32[] memory page);

    /// @notice The template a circle was founded from, or zero (custom rules, or a council).
    /// @param circle The circle.
    function foundingTemplate(address circle) external view returns (bytes32);

    /// @notice How many templates name `templateId` as parent, circles were founded from it, and reports it has.
    /// @param templateId The template.
    function templateCounts(
        bytes32 templateId
    ) external view returns (uint256 children, uint256 adopters, uint256 reports);

    /// @notice A page of the templates that name `templateId` as parent, oldest first.
    /// @param templateId The template.
    /// @param offset Index of the first child.
    /// @param limit At most this many (at most {MAX_PAGE_SIZE}).
    function templateChildren(
        bytes32 templateId,
        uint256 offset,
        uint256 limit
    ) external view returns (bytes32[] memory page);

    /// @notice A page of the circles founded from `templateId`, oldest first.
    /// @param templateId The template.
    /// @param offset Index of the first circle.
    /// @param limit At most this many (at most {MAX_PAGE_SIZE}).
    function templateAdopters(
        bytes32 templateId,
        uint256 offset,
        uint256 limit
    ) external view returns (address[] memory page);

    /// @notice A page of the reports circles founded from `templateId` sent back to it, oldest first.
    /// @param templateId The template.
    /// @param offset Index of the first report.
    /// @param limit At most this many (at most {MAX_PAGE_SIZE}).
    function templateReports(
        bytes32 templateId,
        uint256 offset,
        uint256 limit
    ) external view returns (TemplateReport[] memory page);

    /// @notice The longest URI a template report may carry, in bytes.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_REPORT_URI_LENGTH() external view returns (uint256);

    /// @notice The affinity-circle default rules.
    function defaultRules() external pure returns (CircleRules memory);

    /// @notice The default mandate rules.
    function defaultMandateRules() external pure returns (MandateRules memory);

    /// @notice The largest page a paged view returns.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_PAGE_SIZE() external view returns (uint256);

    /// @notice The hard cap on members per circle.
    // solhint-disable-next-line func-name-mixedcase
    function MEMBER_CAP() external view returns (uint8);
}
