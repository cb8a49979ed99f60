import Foundation
import LabelTemplates
import RepairCore
import RepairStore

// Shipment benchmark: grouping open orders by (location, method) in the core and
// in SQL, a 1 000-order shipment through the store, and rendering its documents.
// Run in release: swift run -c release shipment-benchmark [openOrders] [shipmentOrders]
let settings: BenchmarkSettings
do { settings = try BenchmarkSettings(arguments: CommandLine.arguments) } catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
let n = settings.openOrders
print("shipment-benchmark: \(n) open orders over \(settings.locations) locations × \(settings.methods) methods")

// Core: the pure grouping over keys, as the Shipments tab does after loading.
let keys = (0..<n).map {
    ShipmentGroupKey(locationID: Int64(1 + $0 % settings.locations), methodID: Int64(1 + $0 % settings.methods))
}
var groupCount = 0
let countTime = bestTime(rounds: settings.rounds) { groupCount = ShipmentGroup.counts(keys) { $0 }.count }
print("core   count \(n) orders into \(groupCount) groups: \(format(countTime))")
let ids = Array(0..<Int64(n))
let groupTime = bestTime(rounds: settings.rounds) { groupCount = ShipmentGroup.group(ids) { keys[Int($0)] }.count }
print("core   group \(n) order IDs into \(groupCount) groups: \(format(groupTime))")

// Store: the same grouping in SQL over a real file.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shipment-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let store = try SQLiteStore(path: folder.appendingPathComponent("bench.sqlite").path)
let clock = ContinuousClock()
var user: User!
let fillTime = try clock.measure { user = try BenchmarkData.fill(store, settings: settings) }
print("store  insert \(n) confirmed orders (one transaction): \(format(seconds(fillTime)))")
var counts: [ShipmentGroupKey: Int] = [:]
let sqlTime = try bestTime(rounds: 3) { counts = try store.openOrderGroupCounts(customerID: user.customerID) }
print(
    "store  SQL GROUP BY \(counts.values.reduce(0, +)) open orders of one reseller into \(counts.count) groups: \(format(sqlTime))"
)
let allTime = try bestTime(rounds: 3) { counts = try store.openOrderGroupCounts(customerID: nil) }
print(
    "store  SQL GROUP BY \(counts.values.reduce(0, +)) open orders of all customers into \(counts.count) groups: \(format(allTime))"
)

// A shipment of `shipmentOrders` orders of one group, created and confirmed through the store.
let groupKey = ShipmentGroupKey(locationID: 1, methodID: 1)
let step = settings.locations * settings.methods / gcd(settings.locations, settings.methods)
let members = stride(from: 0, to: n, by: step).prefix(settings.shipmentOrders).map {
    OrderNumber(BenchmarkData.number($0))!
}
var shipment: Shipment!
let createTime = try clock.measure { shipment = try store.createShipment(orderNumbers: members, by: user, at: Date()) }
let confirmTime = try clock.measure {
    shipment = try store.confirmShipment(id: shipment.id, parcelCount: 4, weightKg: 12.5, by: user, at: Date())
}
print(
    "store  create a \(shipment.orderIDs.count)-order shipment of group \(groupKey.locationID)/\(groupKey.methodID): \(format(seconds(createTime))), confirm it: \(format(seconds(confirmTime)))"
)

// Rendering: the four documents of a `shipmentOrders`-order shipment from the real `Labels/` templates.
let labelsFolder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["REPAIRSHOP_LABELS"] ?? "Labels")
let templates = try LabelTemplateSet.load(from: labelsFolder, orderFields: IntakeField.packingListKeys)
let document = BenchmarkData.document(orders: settings.shipmentOrders)
var bytes = 0
let renderTime = bestTime(rounds: settings.rounds) {
    let labels = templates.render(document)
    bytes = [labels.packingListText, labels.packingListZPL, labels.shippingLabelText, labels.shippingLabelZPL]
        .map(\.utf8.count).reduce(0, +)
}
print(
    "render packing list + label (text and ZPL) of \(settings.shipmentOrders) orders, \(bytes) bytes: \(format(renderTime))"
)

func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
