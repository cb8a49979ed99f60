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
                <p>\(L("discard.question", ["number": .text(order.number.description), "device": .text(device)]))</p>
                <div class="actions">\(Form.submitButton(L("order.discard_draft")))\
                <a class="button secondary" href="\(back)">\(L("discard.keep"))</a></div>
                """)
    }
}
