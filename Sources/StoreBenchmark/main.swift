import Foundation
import RepairCore
import RepairStore

// store-benchmark: the store's approvals and look-ups beside raw SQLite doing the
// same statements in the same run. Run in release:
//   swift run -c release --scratch-path .build-core store-benchmark [--orders N] [--approvals N] [--lookups N]
let settings = BenchmarkSettings(CommandLine.arguments.dropFirst())
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

let storePath = directory.appendingPathComponent("store.sqlite").path
let rawPath = directory.appendingPathComponent("raw.sqlite").path
print("store-benchmark: \(settings.orders) orders, \(settings.approvals) approvals, \(settings.lookups) look-ups")
print("building the databases in \(directory.path) …")
let numbers = try BenchmarkData.build(path: storePath, settings: settings)
try BenchmarkData.copy(from: storePath, to: rawPath)

let store = try SQLiteStore(path: storePath)
let raw = try RawSQLite(path: rawPath)
let approver = try store.user(id: BenchmarkData.userID)!
let draftIDs = Array(Int64(settings.orders - settings.approvals + 1)...Int64(settings.orders))
let half = draftIDs.count / 2

// Interleave halves so both sides see the same disk state and cache warmth.
var storeApprovals = Duration.zero
var rawApprovals = Duration.zero
let clock = ContinuousClock()
storeApprovals += try clock.measure {
    for id in draftIDs[..<half] { _ = try store.approve(orderID: id, by: approver, at: Date()) }
}
rawApprovals += try clock.measure {
    for id in draftIDs[..<half] { try raw.approve(orderID: id, userID: BenchmarkData.userID) }
}
storeApprovals += try clock.measure {
    for id in draftIDs[half...] { _ = try store.approve(orderID: id, by: approver, at: Date()) }
}
rawApprovals += try clock.measure {
    for id in draftIDs[half...] { try raw.approve(orderID: id, userID: BenchmarkData.userID) }
}

var generator = SplitMix64(seed: 99)
let probes = (0..<settings.lookups).map { _ in numbers[Int(generator.next() % UInt64(numbers.count))] }
var found = 0
let storeLookups = try clock.measure {
    for number in probes where try store.tracking(number: number) != nil { found += 1 }
}
let rawLookups = try clock.measure {
    for number in probes where try raw.tracking(number: number.description) { found += 1 }
}
precondition(found == 2 * probes.count, "every probe must be found")

func rate(_ count: Int, _ duration: Duration) -> Double {
    Double(count) / (Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
}
func report(_ title: String, _ count: Int, store: Duration, raw: Duration) {
    let storeRate = rate(count, store)
    let rawRate = rate(count, raw)
    print(
        title + ": store " + String(format: "%.0f/s", storeRate) + ", raw SQLite " + String(format: "%.0f/s", rawRate)
            + ", ratio " + String(format: "%.0f %%", 100 * storeRate / rawRate))
}
report("approvals (durable, one transaction each)", draftIDs.count, store: storeApprovals, raw: rawApprovals)
report("look-ups by number (tracking query)", probes.count, store: storeLookups, raw: rawLookups)
