extension Migration {
    /// Account confirmation links (token hashes only) and the mail outbox.
    static let accountsOutbox = Migration(
        name: "004-accounts-outbox",
        sql: """
            CREATE TABLE account_confirmations (
                id INTEGER PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL,
                used_at REAL
            );
            CREATE INDEX account_confirmations_by_user ON account_confirmations (user_id);
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                message_id TEXT NOT NULL UNIQUE,
                recipient TEXT NOT NULL,
                recipient_name TEXT NOT NULL DEFAULT '',
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at REAL NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at REAL NOT NULL,
                sent_at REAL,
                last_error TEXT NOT NULL DEFAULT '',
                dead INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND dead = 0;
            """)
}
