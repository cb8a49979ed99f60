extension Migration {
    /// Sign-in sessions and API tokens (only SHA-256 hashes of the tokens are stored), and settings.
    ///
    /// Named `portal_…` because the portal applied it before the store owned these tables: databases keep
    /// their ledger row.
    static let portalSessions = Migration(
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
}
