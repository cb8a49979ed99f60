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
        return [.init(L("order.device"), text: view.device)]
            + IntakeField.all.map { SummaryList.Item($0.pageLabel, text: intake[$0]) } + [
                .init(L("order.location"), text: view.location?.name),
                .init(L("order.method"), text: view.method?.name),
                .init(L("order.contact"), HTML.joined(contactLines.map(HTML.text), separator: "<br>")),
            ]
    }

    /// One row per applicable question: the answer, or "Not answered" (marked when required).
    var answerItems: [SummaryList.Item] {
        view.answers.map { line in
            if let answer = view.shownAnswer(line) {
                return .init(line.question, text: answer)
            }
            let note: HTML =
                line.isRequired
                ? "<span class=\"error\">\(L("order.not_answered_required"))</span>"
                : "<span class=\"empty\">\(L("order.not_answered"))</span>"
            return .init(line.question, note)
        }
    }

    /// The location's turnaround sentence, or nil when the location is gone from the catalogue.
    var turnaround: String? {
        view.location.map(OrderPageFormat.turnaround)
    }
}
