extension Migration {
    /// Each user's interface language, time zone and list page size (seed 001), and the forgot-password links;
    /// the shop's defaults stay in `portal_settings` under `shop.language` and `shop.time_zone`.
    static let userPreferences = Migration(
        name: "portal_003_user_preferences_password_resets",
        sql: """
            CREATE TABLE user_preferences (
                user_id INTEGER PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                language TEXT CHECK (language IN ('en', 'pl', 'ru')),
                time_zone TEXT CHECK (length(time_zone) BETWEEN 1 AND 64),
                page_size INTEGER NOT NULL DEFAULT 25 CHECK (page_size IN (10, 25, 50, 100))
            );
            CREATE TABLE password_resets (
                token_hash TEXT PRIMARY KEY NOT NULL,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL,
                used_at REAL
            );
            CREATE INDEX password_resets_by_user ON password_resets(user_id, created_at);
            """)
}
