import PostgresStore
import RepairCore
import RepairStore

/// Where the database is, as `--database` or `REPAIRSHOP_DATABASE` gives it: a `postgresql://` (or
/// `postgres://`) URL opens PostgreSQL, anything else is an SQLite file. The one place a backend is chosen, used by
/// `serve`, every CLI command and `Portal.open`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgresql(url: String)

    /// Reads a `--database` value.
    public init(_ text: String) {
        let isURL = text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
        self = isURL ? .postgresql(url: text) : .sqlite(path: text)
    }

    /// Opens the store there, applying pending migrations (`sqliteMigrations` on SQLite, PostgreSQL's own there).
    public func open(sqliteMigrations: [Migration] = Migration.builtIn) throws -> any SQLStorage {
        switch self {
        case .sqlite(let path):
            var configuration = SQLiteStore.Configuration(path: path)
            configuration.migrations = sqliteMigrations
            return try SQLiteStore(configuration)
        case .postgresql(let url):
            return try PostgresStore(url: url)
        }
    }

    /// Applies pending migrations and returns their names.
    public func migrate(sqliteMigrations: [Migration] = Migration.builtIn) throws -> [String] {
        switch self {
        case .sqlite(let path): return try Database(path: path).migrate(sqliteMigrations)
        case .postgresql(let url): return try PostgresConnection(url: url).migrate(PostgresMigration.builtIn)
        }
    }

    /// How to name it in messages, without a password a URL may carry.
    public var displayName: String {
        switch self {
        case .sqlite(let path): return path
        case .postgresql(let url):
            guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") else { return url }
            return String(url[..<scheme.upperBound]) + "…" + String(url[at...])
        }
    }
}
