import Foundation
import PostgresStore
import RepairCore
import RepairStore

// pg-benchmark: tracking look-ups and durable approvals through PostgresStore, beside SQLiteStore and beside raw
// libpq running the same statements, in one run; then the same PostgreSQL work from two processes against one.
// Needs an empty PostgreSQL database with durable settings (see BENCHMARKS.md). Run in release:
//   swift run -c release pg-benchmark --url postgresql://… [--drafts N] [--orders N] [--lookups N]
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--worker" {
    try Worker.run(Array(arguments.dropFirst()))
    exit(0)
}
func option(_ name: String, _ fallback: Int) -> Int {
    arguments.firstIndex(of: name).flatMap { Int(arguments[$0 + 1]) } ?? fallback
}
guard let url = arguments.firstIndex(of: "--url").map({ arguments[$0 + 1] }) else {
    fatalError("usage: pg-benchmark --url postgresql://… [--drafts N] [--orders N] [--lookups N]")
}
let drafts = option("--drafts", 1_000)
let orders = option("--orders", 20_000)
let lookups = option("--lookups", 20_000)
let fixtures = try FixtureSet.load(directory: "Fixtures")
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pg-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

print("pg-benchmark: \(orders) orders, \(drafts) approvals per side, \(lookups) look-ups per side")
let sqlite = try SQLiteStore(path: directory.appendingPathComponent("bench.sqlite").path)
let postgres = try PostgresStore(url: url)
let raw = try RawPostgres(url: url)
// Four sets of drafts on PostgreSQL (store, raw, one process, two processes), one on SQLite.
let sqliteDrafts = try Setup.fill(sqlite, fixtures: fixtures, orders: orders, drafts: drafts)
let postgresDrafts = try Setup.fill(postgres, fixtures: fixtures, orders: orders, drafts: 4 * drafts)
let approver = try sqlite.user(email: Setup.approverEmail)!
let clock = ContinuousClock()

let sqliteApprovals = try clock.measure {
    for id in sqliteDrafts { _ = try sqlite.approve(orderID: id, by: approver, at: Date()) }
}
let storeApprovals = try clock.measure {
    for id in postgresDrafts[0..<drafts] { _ = try postgres.approve(orderID: id, by: approver, at: Date()) }
}
let rawApprovals = try clock.measure {
    for id in postgresDrafts[drafts..<(2 * drafts)] {
        try raw.approve(orderID: id, userID: approver.id, at: Date().timeIntervalSince1970)
    }
}
let probes = try Setup.numbers(postgres, count: lookups)
let sqliteProbes = try Setup.numbers(sqlite, count: lookups)
let sqliteLookups = try clock.measure { for number in sqliteProbes { _ = try sqlite.tracking(number: number) } }
let storeLookups = try clock.measure { for number in probes { _ = try postgres.tracking(number: number) } }
let rawLookups = try clock.measure { for number in probes { _ = try raw.tracking(number: number.description) } }

func rate(_ count: Int, _ duration: Duration) -> String {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return String(format: "%.0f/s", Double(count) / seconds)
}
print("approvals (durable, one transaction each): SQLiteStore \(rate(drafts, sqliteApprovals)), "
    + "PostgresStore \(rate(drafts, storeApprovals)), raw libpq \(rate(drafts, rawApprovals))")
print("look-ups by number (tracking query): SQLiteStore \(rate(lookups, sqliteLookups)), "
    + "PostgresStore \(rate(lookups, storeLookups)), raw libpq \(rate(lookups, rawLookups))")

// One process against two on the same database: the same number of approvals and look-ups in all.
let third = Array(postgresDrafts[(2 * drafts)..<(3 * drafts)])
let fourth = Array(postgresDrafts[(3 * drafts)...])
let oneApprover = try clock.measure { try Worker.spawn([["approve", url] + third.map(String.init)]) }
let twoApprovers = try clock.measure {
    try Worker.spawn(
        [["approve", url] + fourth.prefix(drafts / 2).map(String.init), ["approve", url] + fourth.dropFirst(drafts / 2).map(String.init)])
}
let oneTracker = try clock.measure { try Worker.spawn([["track", url, String(lookups)]]) }
let twoTrackers = try clock.measure {
    try Worker.spawn([["track", url, String(lookups / 2)], ["track", url, String(lookups / 2)]])
}
print("PostgreSQL approvals, all processes together: one process \(rate(drafts, oneApprover)), "
    + "two processes \(rate(drafts, twoApprovers))")
print("PostgreSQL look-ups, all processes together: one process \(rate(lookups, oneTracker)), "
    + "two processes \(rate(lookups, twoTrackers))")
