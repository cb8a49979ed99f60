import HTMLKit
import RepairCore

/// The read-only rows describing an order's intake and answers, shared by the summary and the order page.
struct OrderDetails {
    var order: ServiceOrder
    var catalogue: Catalogue

    /// Device, serial, fault, location, method and contact.
    var intakeItems: [SummaryList.Item] {
        let intake = order.intake
        let contact = intake.contact
        let contactLines = [contact.firstName + " " + contact.surname, contact.email, contact.phone]
            .filter { !$0.isEmpty }
        return [
            .init("Device", text: catalogue.deviceName(modelID: intake.modelID)),
            .init("Serial number or IMEI", text: intake.serial),
            .init("Fault", text: intake.fault),
            .init("Service location", text: catalogue.location(id: intake.locationID)?.name),
            .init("Shipping method", text: catalogue.method(id: intake.methodID)?.name),
            .init("Contact", HTML.joined(contactLines.map(HTML.text), separator: "<br>")),
        ]
    }

    /// One row per applicable question: the answer, or "Not answered" (marked when required).
    var answerItems: [SummaryList.Item] {
        catalogue.applicableTasks(for: order).map { task in
            if let answer = order.answers[task.id] {
                return .init(task.text, text: answer.storedText)
            }
            let note: HTML =
                task.isRequiredInPortal
                ? "<span class=\"error\">Not answered (required)</span>" : "<span class=\"empty\">Not answered</span>"
            return .init(task.text, note)
        }
    }

    /// The location's turnaround sentence, or nil when the location is gone from the catalogue.
    var turnaround: String? {
        catalogue.location(id: order.intake.locationID).map(OrderPageFormat.turnaround)
    }
}
