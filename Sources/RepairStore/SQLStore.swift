import Foundation
import RepairCore
import Synchronization

/// A store whose every repository is the shared SQL in the `SQLStore+…` files: SQLite (`SQLiteStore`) and
/// PostgreSQL (`PostgresStore`) supply connections and transactions, and the same statements run on both.
public protocol SQLStore: RepairRepository, ShipmentRepository, ShipmentDocumentRepository, StaffQueueRepository,
    AdminRepository, AuditRepository, LabelTemplateRepository, AccountRepository, OutboxRepository,
    SessionRepository, APITokenRepository, SettingsRepository, PreferencesRepository, PasswordRepository,
    FixtureLoading
{
    /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws. Writes never
    /// interleave in a way a single writer would not allow (SQLite: one writer; PostgreSQL: serialisable).
    func write<T: Sendable>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Runs `body` in one consistent read snapshot (or, with `isSnapshot` false, a single statement's own);
    /// `snapshot`, from `sharingReads`, names a shared transaction when the store has one.
    func read<T: Sendable>(
        in snapshot: (any ReadSnapshot)?, isSnapshot: Bool, _ body: (any SQLConnection) throws -> T
    ) throws -> T
    /// Where new order numbers come from.
    var orderNumbers: OrderNumberSource { get }
    /// How many fresh order numbers to draw when an insert collides.
    var maxNumberAttempts: Int { get }
    /// The catalogue as last read, with the `catalogue_version` it was read at.
    var cachedCatalogue: CatalogueCache { get }
}

extension SQLStore {
    /// Runs `body` in a read snapshot of its own.
    public func read<T: Sendable>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try read(in: nil, isSnapshot: true, body)
    }

    /// Runs `body` in `snapshot`'s shared transaction, or in a read snapshot of its own.
    public func read<T: Sendable>(in snapshot: (any ReadSnapshot)?, _ body: (any SQLConnection) throws -> T) throws -> T {
        try read(in: snapshot, isSnapshot: true, body)
    }
}

/// The catalogue as last read and the `catalogue_version` it was read at, shared by a store's threads.
public final class CatalogueCache: Sendable {
    private let entry = Mutex<(version: Int64, catalogue: Catalogue)?>(nil)

    public init() {}

    /// Runs `body` on the cached entry under the lock.
    public func withLock<T>(_ body: (inout (version: Int64, catalogue: Catalogue)?) throws -> T) rethrows -> T {
        try entry.withLock { try body(&$0) }
    }
}

/// A store of the shared SQL with its read sharing: what `DatabaseLocation.open` hands the portal and the CLI.
public typealias SQLStorage = SQLStore & ReadSharing & StoreStatisticsSource
