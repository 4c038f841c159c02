// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IProfiles} from "../interfaces/IProfiles.sol";

/// @title Profiles
/// @notice People have names: each account sets, changes or clears its own display name and profile URI, so the app,
/// the CLI and the ledger can show "Ana (0xAbC1…89Ef)" instead of a bare address.
///
/// Security reasoning:
/// - A name proves nothing. Names are not unique and not checked against anything: anyone can call themselves "Ana",
///   or take the name another member uses. Nothing in the suite reads a name to decide anything (no access control,
///   no vote, no payment goes by name). Every face therefore shows a name WITH a short checksummed address, and the
///   client flags two accounts of one list that share a name (client/names.ts: displayName, markDuplicateNames).
/// - Only your own profile: the setters write `msg.sender`'s entry and take no account argument, so no one can set,
///   change or clear another account's name.
/// - Bounded storage: a name is 1 to 64 bytes, a URI at most 256, so an entry costs at most a handful of slots, paid
///   by its owner. The batch read {profilesOf} reads at most {MAX_BATCH} (100) accounts: about 3.1M gas with every
///   profile at its longest (BENCHMARKS.md, loop caps).
/// - No control characters (bytes below 0x20, and 0x7f) in a name or URI: a name cannot fake a line break, a tab or
///   an erased character in a CLI line, a log or a CSV row of the ledger. Bytes are not checked to be valid UTF-8, and
///   Unicode format characters (right-to-left overrides, say) are multi-byte and pass here: the client replaces them
///   when it displays a name.
/// - No owner, not upgradeable, no funds, no external calls: nothing here can be changed or paused by anyone, and the
///   registry holds nothing worth taking.
contract Profiles is IProfiles {
    /// @inheritdoc IProfiles
    uint256 public constant MAX_NAME_LENGTH = 64;
    /// @inheritdoc IProfiles
    uint256 public constant MAX_URI_LENGTH = 256;
    /// @inheritdoc IProfiles
    uint256 public constant MAX_BATCH = 100;

    mapping(address account => Profile) private _profiles;

    // ------------------------------------------------------------------
    // Writes: the caller's own profile only
    // ------------------------------------------------------------------

    /// @inheritdoc IProfiles
    /// @dev Loops over the name's and the URI's bytes: at most 64 + 256 iterations.
    function setProfile(string calldata name, string calldata uri) external {
        uint256 nameLength = bytes(name).length;
        if (nameLength == 0) revert ProfilesNameEmpty();
        if (nameLength > MAX_NAME_LENGTH) revert ProfilesNameTooLong(nameLength, MAX_NAME_LENGTH);
        if (bytes(uri).length > MAX_URI_LENGTH) revert ProfilesUriTooLong(bytes(uri).length, MAX_URI_LENGTH);
        _checkPrintable("name", bytes(name));
        _checkPrintable("uri", bytes(uri));
        _profiles[msg.sender] = Profile({name: name, uri: uri, updatedAt: uint64(block.timestamp)});
        emit ProfileSet(msg.sender, name, uri);
    }

    /// @inheritdoc IProfiles
    /// @dev Deletes the entry (its slots are refunded); clearing an empty profile still announces it.
    function clearProfile() external {
        delete _profiles[msg.sender];
        emit ProfileSet(msg.sender, "", "");
    }

    // ------------------------------------------------------------------
    // Reads
    // ------------------------------------------------------------------

    /// @inheritdoc IProfiles
    function profileOf(
        address account
    ) external view returns (string memory name, string memory uri, uint64 updatedAt) {
        Profile storage profile = _profiles[account];
        return (profile.name, profile.uri, profile.updatedAt);
    }

    /// @inheritdoc IProfiles
    /// @dev Loops over `accounts`: at most {MAX_BATCH}.
    function profilesOf(address[] calldata accounts) external view returns (Profile[] memory profiles) {
        if (accounts.length > MAX_BATCH) revert ProfilesTooMany(accounts.length, MAX_BATCH);
        profiles = new Profile[](accounts.length);
        for (uint256 i = 0; i < accounts.length; ++i) {
            profiles[i] = _profiles[accounts[i]];
        }
    }

    // ------------------------------------------------------------------
    // Internal
    // ------------------------------------------------------------------

    /// @dev Refuses a control character (below 0x20, or DEL 0x7f) in `text`; `field` names it in the error. Bounded by
    /// the caller's length checks (64 or 256 bytes).
    function _checkPrintable(string memory field, bytes calldata text) private pure {
        for (uint256 i = 0; i < text.length; ++i) {
            bytes1 character = text[i];
            if (character < 0x20 || character == 0x7f) revert ProfilesControlCharacter(field, i, character);
        }
    }
}
