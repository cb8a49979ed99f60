import HTMLKit
import RepairCore

/// Asks before a draft is deleted: discarding cannot be undone, and a link alone must never delete.
struct DiscardPage {
    var order: ServiceOrder
    var catalogue: Catalogue
    var csrfToken: String?

    var content: HTML {
        let device = catalogue.deviceName(modelID: order.intake.modelID)
        let back = HTML.safeURL(OrderPageFormat.path(order.number))
        return Form.form(
            action: OrderPageFormat.path(order.number, "/discard"), csrfToken: csrfToken,
            content: """
                <p>Discard the draft \(order.number.description) (\(device))? This cannot be undone.</p>
                <div class="actions">\(Form.submitButton("Discard draft"))\
                <a class="button secondary" href="\(back)">Keep it</a></div>
                """)
    }
}
