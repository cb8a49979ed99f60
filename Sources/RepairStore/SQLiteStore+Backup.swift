import CSQLite
import Foundation

/// What `backup` wrote.
public struct BackupSummary: Sendable, Equatable {
    /// The finished copy.
    public var path: String
    /// Its size in bytes.
    public var bytes: Int
    /// Service orders in the copy, drafts included: a quick check against what the shop expects.
    public var orders: Int
}

extension SQLiteStore {
    /// Copies the database to `destination` while the store keeps serving, with SQLite's online backup API.
    ///
    /// The copy is one consistent snapshot: it is taken in a single step on a reader connection, and in WAL mode
    /// a reader holds its snapshot without stopping writers. It is written to a temporary file beside
    /// `destination`, checked with `PRAGMA integrity_check`, made durable and only then renamed, so
    /// `destination` is either absent or a complete, checked database; an existing file there is replaced.
    public func backup(to destination: String) throws -> BackupSummary {
        let temporary = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            // Inside a read transaction that has already read, the copy uses the snapshot's lock and never waits
            // for one (a lock the backup had to take itself could meet a checkpoint and fail as busy).
            let orders = try withReader { reader in try reader.transaction(.deferred) { source in
                _ = try source.firstRow("SELECT count(*) FROM sqlite_master") { $0.int64(0) }
                let copy = try Database(path: temporary)
                try Self.copyPages(from: source, to: copy)
                let check = try copy.firstRow("PRAGMA integrity_check") { $0.text(0) }
                guard check == "ok" else {
                    throw DatabaseError(code: SQLITE_CORRUPT, message: "the copy failed its integrity check: \(check ?? "")")
                }
                return try copy.firstRow("SELECT COUNT(*) FROM orders") { Int($0.int64(0)) } ?? 0
            } }
            // The copy's connection is closed: its WAL is checkpointed into the file and removed.
            try Self.makeDurable(temporary)
            guard rename(temporary, destination) == 0 else {
                throw DatabaseError(code: SQLITE_CANTOPEN, message: "cannot rename the copy to \(destination): \(String(cString: strerror(errno)))")
            }
            try Self.makeDurable((destination as NSString).deletingLastPathComponent, isDirectory: true)
            let bytes = (try FileManager.default.attributesOfItem(atPath: destination)[.size] as? Int) ?? 0
            return BackupSummary(path: destination, bytes: bytes, orders: orders)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            throw error
        }
    }

    /// Runs `body` on a reader connection of the pool.
    func withReader<T>(_ body: (Database) throws -> T) throws -> T {
        let reader = try takeReader()
        defer { returnReader(reader) }
        return try body(reader)
    }

    /// Every page of `source`'s main database into `copy`, in one step so the snapshot never restarts; a busy
    /// destination (nobody else should hold it) is tried again a few times.
    static func copyPages(from source: Database, to copy: Database) throws {
        guard let backup = sqlite3_backup_init(copy.handle, "main", source.handle, "main") else {
            throw DatabaseError(
                code: sqlite3_errcode(copy.handle), message: String(cString: sqlite3_errmsg(copy.handle)))
        }
        var stepped = sqlite3_backup_step(backup, -1)
        for _ in 0..<20 where stepped == SQLITE_BUSY || stepped == SQLITE_LOCKED {
            usleep(50_000)
            stepped = sqlite3_backup_step(backup, -1)
        }
        let finished = sqlite3_backup_finish(backup)
        guard stepped == SQLITE_DONE, finished == SQLITE_OK else {
            throw DatabaseError(
                code: stepped == SQLITE_DONE ? finished : stepped, message: String(cString: sqlite3_errmsg(copy.handle)))
        }
    }

    /// `fsync` on a file, or on a folder so a rename in it survives power loss.
    static func makeDurable(_ path: String, isDirectory: Bool = false) throws {
        let fd = open(path.isEmpty ? "." : path, isDirectory ? O_RDONLY | O_DIRECTORY : O_RDONLY)
        guard fd >= 0 else {
            throw DatabaseError(code: SQLITE_IOERR, message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        guard fsync(fd) == 0 else {
            throw DatabaseError(code: SQLITE_IOERR, message: "cannot sync \(path): \(String(cString: strerror(errno)))")
        }
    }
}
