import HTMLKit
import RepairCore

/// The read-only rows describing an order's intake and answers, shared by the summary and the order page.
struct OrderDetails {
    var view: OrderView

    /// Device, the free-text fields (`IntakeField.all`), location, method and contact.
    var intakeItems: [SummaryList.Item] {
        let intake = view.intake
        let contact = intake.contact
        let contactLines = [contact.firstName + " " + contact.surname, contact.email, contact.phone]
            .filter { !$0.isEmpty }
        return [.init("Device", text: view.device)]
            + IntakeField.all.map { SummaryList.Item($0.label, text: intake[$0]) } + [
                .init("Service location", text: view.location?.name),
                .init("Shipping method", text: view.method?.name),
                .init("Contact", HTML.joined(contactLines.map(HTML.text), separator: "<br>")),
            ]
    }

    /// One row per applicable question: the answer, or "Not answered" (marked when required).
    var answerItems: [SummaryList.Item] {
        view.answers.map { line in
            if let answer = line.answer {
                return .init(line.question, text: answer)
            }
            let note: HTML =
                line.isRequired
                ? "<span class=\"error\">Not answered (required)</span>" : "<span class=\"empty\">Not answered</span>"
            return .init(line.question, note)
        }
    }

    /// The location's turnaround sentence, or nil when the location is gone from the catalogue.
    var turnaround: String? {
        view.location.map(OrderPageFormat.turnaround)
    }
}
