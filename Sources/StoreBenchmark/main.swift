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
// Fsync times drift; alternating small chunks gives both sides the same disk weather.
let chunks = stride(from: 0, to: draftIDs.count, by: settings.chunk).map {
    draftIDs[$0..<min($0 + settings.chunk, draftIDs.count)]
}

var storeApprovals = Duration.zero
var rawApprovals = Duration.zero
let clock = ContinuousClock()
for chunk in chunks {
    storeApprovals += try clock.measure {
        for id in chunk { _ = try store.approve(orderID: id, by: approver, at: Date()) }
    }
    rawApprovals += try clock.measure {
        for id in chunk { try raw.approve(orderID: id, userID: BenchmarkData.userID, at: Date().timeIntervalSince1970) }
    }
}

var generator = SplitMix64(seed: 99)
let probes = (0..<settings.lookups).map { _ in numbers[Int(generator.next() % UInt64(numbers.count))] }
var found = 0
var storeLookups = Duration.zero
var rawLookups = Duration.zero
// Alternate in chunks here too: the machine is shared, CPU time drifts.
for start in stride(from: 0, to: probes.count, by: 10_000) {
    let chunk = probes[start..<min(start + 10_000, probes.count)]
    storeLookups += try clock.measure {
        for number in chunk where try store.tracking(number: number) != nil { found += 1 }
    }
    rawLookups += try clock.measure {
        for number in chunk where try raw.tracking(number: number.description) { found += 1 }
    }
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
