import RepairStore

/// The portal's own tables, applied after the store's migrations.
///
/// Append new ones at the end; never edit one that has shipped.
public enum PortalMigrations {
    public static let all: [Migration] = [sessions, disablingEndsCredentials]

    /// Sign-in sessions and API tokens (only SHA-256 hashes of the tokens are stored), and settings.
    static let sessions = Migration(
        name: "portal_001_sessions_tokens_settings",
        sql: """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY NOT NULL,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL
            );
            CREATE INDEX sessions_by_user ON sessions(user_id);
            CREATE TABLE api_tokens (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                created_at REAL NOT NULL,
                last_used_at REAL,
                revoked_at REAL
            );
            CREATE INDEX api_tokens_by_user ON api_tokens(user_id);
            CREATE TABLE portal_settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            """)

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
