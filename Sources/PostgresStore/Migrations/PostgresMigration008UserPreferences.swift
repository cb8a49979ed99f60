extension PostgresMigration {
    /// Each user's interface language, time zone and list page size, and the forgot-password links (SQLite's
    /// `portal_003_user_preferences_password_resets`).
    static let userPreferences = PostgresMigration(
        name: "portal_003_user_preferences_password_resets",
        sql: """
            CREATE TABLE user_preferences (
                user_id BIGINT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                language TEXT CHECK (language IN ('en', 'pl', 'ru')),
                time_zone TEXT CHECK (length(time_zone) BETWEEN 1 AND 64),
                page_size INTEGER NOT NULL DEFAULT 25 CHECK (page_size IN (10, 25, 50, 100))
            );
            CREATE TABLE password_resets (
                token_hash TEXT PRIMARY KEY NOT NULL,
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at DOUBLE PRECISION NOT NULL,
                expires_at DOUBLE PRECISION NOT NULL,
                used_at DOUBLE PRECISION
            );
            CREATE INDEX password_resets_by_user ON password_resets(user_id, created_at);
            """)
}
