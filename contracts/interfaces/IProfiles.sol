// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IProfiles
/// @notice Display names for accounts: each account may set, change or clear its own name and profile URI, and
/// nothing else. A name is a label its owner chose, not an identity: names are not unique and prove nothing (anyone
/// can call themselves "Ana"), so every face shows a name together with a short checksummed address.
interface IProfiles {
    /// @notice An account's profile as stored.
    /// @param name The display name (1 to 64 bytes, no control characters), or empty when there is none.
    /// @param uri Where more about the account can be read (e.g. ipfs://… or https://…, up to 256 bytes), or empty.
    /// @param updatedAt When the account last set its profile (unix seconds), or 0 when there is none.
    struct Profile {
        string name;
        string uri;
        uint64 updatedAt;
    }

    /// @notice An account set its profile, or cleared it: a cleared profile is announced with an empty name and URI.
    /// @param account The account whose profile it is (always the caller).
    /// @param name The new display name ("" when cleared).
    /// @param uri The new profile URI ("" when none, or cleared).
    event ProfileSet(address indexed account, string name, string uri);

    /// @notice A name must have at least one byte (clear the profile to have none).
    error ProfilesNameEmpty();

    /// @notice The name is longer than the cap.
    /// @param length The name's length in bytes.
    /// @param maxLength The cap, {MAX_NAME_LENGTH}.
    error ProfilesNameTooLong(uint256 length, uint256 maxLength);

    /// @notice The URI is longer than the cap.
    /// @param length The URI's length in bytes.
    /// @param maxLength The cap, {MAX_URI_LENGTH}.
    error ProfilesUriTooLong(uint256 length, uint256 maxLength);

    /// @notice The name or URI holds a control character (a byte below 0x20, or 0x7f), which could fake a line break
    /// or erase text where it is printed.
    /// @param field "name" or "uri".
    /// @param index The byte's position.
    /// @param character The byte.
    error ProfilesControlCharacter(string field, uint256 index, bytes1 character);

    /// @notice More accounts were asked for at once than {MAX_BATCH}.
    /// @param count How many were asked for.
    /// @param maxCount The cap, {MAX_BATCH}.
    error ProfilesTooMany(uint256 count, uint256 maxCount);

    /// @notice Sets the caller's own display name and profile URI, replacing any earlier ones.
    /// @param name The display name: 1 to {MAX_NAME_LENGTH} bytes of UTF-8, no control characters.
    /// @param uri Where more can be read: up to {MAX_URI_LENGTH} bytes, no control characters; "" for none.
    function setProfile(string calldata name, string calldata uri) external;

    /// @notice Clears the caller's own profile (emits {ProfileSet} with an empty name and URI).
    function clearProfile() external;

    /// @notice An account's profile.
    /// @param account The account.
    /// @return name Its display name ("" if none).
    /// @return uri Its profile URI ("" if none).
    /// @return updatedAt When it last set its profile (unix seconds; 0 if it has none).
    function profileOf(address account) external view returns (string memory name, string memory uri, uint64 updatedAt);

    /// @notice Many accounts' profiles in one call (a face listing the members of a circle, say).
    /// @param accounts The accounts, at most {MAX_BATCH}.
    /// @return profiles Their profiles, in the same order (empty ones for accounts without a profile).
    function profilesOf(address[] calldata accounts) external view returns (Profile[] memory profiles);

    /// @notice The longest name, in bytes.
    /// @return The cap.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_NAME_LENGTH() external view returns (uint256);

    /// @notice The longest URI, in bytes.
    /// @return The cap.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_URI_LENGTH() external view returns (uint256);

    /// @notice The most accounts {profilesOf} reads in one call.
    /// @return The cap.
    // solhint-disable-next-line func-name-mixedcase
    function MAX_BATCH() external view returns (uint256);
}
