import Foundation
import RepairCore

// Generated orders for the tracking benchmark (`repairshop bench-data`), in one transaction.
extension SQLStore {
    /// Adds `count` orders spread over the catalogue, customers, `statuses` and `surnames`, numbered at random;
    /// returns how many were added (a number collision, one in 2^40 per pair, is skipped, not retried).
    public func addBenchmarkOrders(count: Int, statuses: [OrderStatus], surnames: [String]) throws -> Int {
        let catalogue = try catalogue()
        let customers = try customers().map(\.id)
        var generator = SystemRandomNumberGenerator()
        let start = Date().timeIntervalSince1970
        let sql = Rows.insertOrder + " ON CONFLICT DO NOTHING"
        return try write { db -> Int in
            var added = 0
            for index in 0..<count {
                let model = catalogue.models[index % catalogue.models.count]
                let location = catalogue.locations[index % catalogue.locations.count]
                let date = Date(timeIntervalSince1970: start - Double(index))
                let order = ServiceOrder(
                    id: 0, number: OrderNumber.random(using: &generator),
                    customerID: customers[index % customers.count],
                    createdByUserID: 1,
                    intake: Intake(
                        modelID: model.id, serial: "SN\(index)", fault: "Generated fault \(index)",
                        locationID: location.id, methodID: location.methodIDs[0],
                        contact: Contact(
                            firstName: "Test", surname: surnames[index % surnames.count],
                            email: "bench\(index)@example.com", phone: "")),
                    status: statuses[index % statuses.count], assignedAgentID: index % 2 == 0 ? 3 : nil,
                    createdAt: date, updatedAt: date)
                try db.run(sql, Rows.orderValues(order))
                added += db.changes
            }
            return added
        }
    }
}
