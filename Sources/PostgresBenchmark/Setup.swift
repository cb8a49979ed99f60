import Foundation
import RepairCore
import RepairStore

/// The benchmark's data: the demo set, generated orders to look up, and drafts ready to approve.
enum Setup {
    static let approverEmail = "customer@example.com"

    /// Loads the demo set, adds `orders` generated orders and `drafts` answered drafts; returns the drafts' IDs.
    static func fill(_ store: any SQLStore, fixtures: FixtureSet, orders: Int, drafts: Int) throws -> [Int64] {
        try store.load(fixtures)
        _ = try store.addBenchmarkOrders(count: orders, statuses: [.submitted, .inRepair], surnames: ["Nowak", "Kowalski"])
        let customer = try store.user(email: approverEmail)!
        let intake = Intake(
            modelID: 1, serial: "SN1", fault: "Broken", locationID: 1, methodID: 1,
            contact: Contact(firstName: "Jan", surname: "Łukasiewicz", email: approverEmail))
        return try (0..<drafts).map { _ in
            let draft = try store.createDraft(customerID: customer.customerID!, intake: intake, by: customer, at: Date())
            _ = try store.answerDraft(orderID: draft.id, answers: [1: "yes", 2: "none"], by: customer, at: Date())
            return draft.id
        }
    }

    /// `count` order numbers to look up, drawn from the store's orders.
    static func numbers(_ store: any SQLStore, count: Int) throws -> [OrderNumber] {
        let all = try store.read { db in
            try db.rows("SELECT number FROM orders ORDER BY id", []) { OrderNumber($0.text("number"))! }
        }
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in all[Int.random(in: 0..<all.count, using: &generator)] }
    }
}
