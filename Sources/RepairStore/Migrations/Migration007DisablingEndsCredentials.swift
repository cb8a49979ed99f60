extension Migration {
    /// Disabling an account ends its sessions and revokes its API tokens, in the transaction that disables it.
    ///
    /// A trigger, so every way of disabling (page, API, CLI, a future job) goes through this one place, and
    /// enabling the account again does not bring an old cookie or token back. `revoked_at` is SQLite's clock
    /// in Unix seconds (`julianday` for SQLite before 3.42, which lacks `unixepoch('subsec')`).
    static let disablingEndsCredentials = Migration(
        name: "portal_002_disabling_ends_credentials",
        sql: """
            CREATE TRIGGER users_disabled_end_credentials
            AFTER UPDATE OF is_disabled ON users
            WHEN NEW.is_disabled = 1 AND OLD.is_disabled = 0
            BEGIN
                DELETE FROM sessions WHERE user_id = NEW.id;
                UPDATE api_tokens SET revoked_at = (julianday('now') - 2440587.5) * 86400.0
                    WHERE user_id = NEW.id AND revoked_at IS NULL;
            END;
            """)
}
