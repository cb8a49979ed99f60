import Foundation
import Testing

@testable import RepairStore

struct DatabaseTests {
    @Test func opensInWALWithFullSyncAndForeignKeys() throws {
        let database = try Database(path: TestStore.makePath())
        #expect(try database.firstRow("PRAGMA journal_mode") { $0.text(0) } == "wal")
        #expect(try database.firstRow("PRAGMA synchronous") { $0.int64(0) } == 2)
        #expect(try database.firstRow("PRAGMA foreign_keys") { $0.int64(0) } == 1)
    }

    @Test func transactionCommitsOnReturnAndRollsBackOnThrow() throws {
        let database = try Database(path: TestStore.makePath())
        try database.execute("CREATE TABLE t (x INTEGER NOT NULL)")
        try database.transaction { try $0.run("INSERT INTO t (x) VALUES (?)", [1]) }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try database.transaction { db in
                try db.run("INSERT INTO t (x) VALUES (?)", [2])
                throw Boom()
            }
        }
        #expect(try database.rows("SELECT x FROM t") { $0.int64(0) } == [1])
    }

    @Test func preparedStatementsAreReused() throws {
        let database = try Database(path: TestStore.makePath())
        let first = try database.statement("SELECT ?")
        #expect(try database.statement("SELECT ?") === first)
        #expect(try first.firstRow([.text("a")]) { $0.text(0) } == "a")
        #expect(try first.firstRow([.integer(5)]) { $0.int64(0) } == 5)
        #expect(try first.firstRow([.null]) { $0.optionalText(0) } == .some(nil))
    }

    @Test func constraintViolationsAreTyped() throws {
        let database = try Database(path: TestStore.makePath())
        try database.execute(
            "CREATE TABLE p (id INTEGER PRIMARY KEY, u TEXT UNIQUE); CREATE TABLE c (p INTEGER REFERENCES p (id))")
        try database.run("INSERT INTO p (id, u) VALUES (1, 'a')")
        do {
            try database.run("INSERT INTO p (id, u) VALUES (2, 'a')")
            Issue.record("a duplicate was accepted")
        } catch {
            #expect(error.isUniqueViolation && error.isConstraintViolation)
            #expect(error.sql == "INSERT INTO p (id, u) VALUES (2, 'a')")
        }
        do {
            try database.run("INSERT INTO c (p) VALUES (9)")
            Issue.record("a dangling reference was accepted")
        } catch {
            #expect(error.isForeignKeyViolation)
        }
        #expect(throws: DatabaseError.self) { try database.run("SELEKT 1") }
    }

    @Test func migrationsRunOnceInOrderWithALedgerRow() throws {
        let path = TestStore.makePath()
        let extra = Migration(name: "900-test", sql: "CREATE TABLE extra (id INTEGER PRIMARY KEY)")
        let database = try Database(path: path)
        let builtInNames = Migration.builtIn.map(\.name)
        #expect(builtInNames.first == "001-initial")
        #expect(try database.migrate(Migration.builtIn) == builtInNames)
        #expect(try database.migrate(Migration.builtIn + [extra]) == ["900-test"])
        #expect(try database.migrate(Migration.builtIn + [extra]) == [])
        #expect(try database.appliedMigrations() == builtInNames + ["900-test"])
    }

    @Test func failedMigrationLeavesNoTraceAndNoLedgerRow() throws {
        let database = try Database(path: TestStore.makePath())
        let broken = Migration(name: "901-broken", sql: "CREATE TABLE half (id INTEGER); CREATE TABLE oops (")
        #expect(throws: DatabaseError.self) { try database.migrate(Migration.builtIn + [broken]) }
        #expect(try database.appliedMigrations() == Migration.builtIn.map(\.name))
        #expect(try database.firstRow("SELECT count(*) FROM sqlite_master WHERE name = 'half'") { $0.int64(0) } == 0)
    }
}
