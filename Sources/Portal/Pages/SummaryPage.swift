import HTMLKit
import RepairCore

/// Step 3 of the wizard: everything entered, read-only, with the turnaround and the approve button (step 4).
struct SummaryPage {
    /// The draft; resellers' orders are confirmed at once, and the page says so before they approve.
    var view: OrderView
    /// Required questions still unanswered (shown when approval was refused).
    var missing: [FieldError] = []
    var csrfToken: String?

    var content: HTML {
        let order = view.order
        let details = OrderDetails(view: view)
        let answers = details.answerItems
        let answersHTML: HTML =
            answers.isEmpty ? "<p class=\"empty\">\(L("summary.no_questions"))</p>" : SummaryList(answers).html
        let turnaround: HTML = details.turnaround.map { "<p class=\"turnaround\"><strong>\($0)</strong></p>" } ?? .empty
        let afterApproval =
            view.isReseller
            ? L("summary.reseller_note")
            : L("summary.customer_note")
        let approve = Form.form(
            action: OrderPageFormat.path(order.number, "/approve"), csrfToken: csrfToken,
            content: """
                <p>\(afterApproval)</p>
                <div class="actions">\(Form.submitButton(L("summary.approve")))\
                <a class="button secondary" href="\(HTML.safeURL(OrderPageFormat.path(order.number, "/discard")))">\(L("order.discard_draft"))</a></div>
                """)
        return """
            \(WizardStep.summary.indicator(for: order.number).html)
            \(missingHTML)
            \(SummaryList([.init(L("tracking.number"), text: order.number.description)] + details.intakeItems).html)
            \(turnaround)
            <p><a href="\(HTML.safeURL(OrderPageFormat.path(order.number, "/intake")))">\(L("summary.change_intake"))</a></p>
            <h2>\(L("order.answers"))</h2>
            \(answersHTML)
            <p><a href="\(HTML.safeURL(OrderPageFormat.path(order.number, "/questions")))">\(L("summary.change_answers"))</a></p>
            \(approve)
            """
    }

    private var missingHTML: HTML {
        guard !missing.isEmpty else { return .empty }
        let items = missing.map { error -> HTML in
            let text = view.answers.first { $0.fieldName == error.field }?.question ?? error.field
            return "<li>\(text)</li>"
        }
        let link = HTML.safeURL(OrderPageFormat.path(view.number, "/questions"))
        return """
            <div class="flash flash-error" role="alert"><p>\(L("summary.missing")) \
            (<a href="\(link)">\(L("summary.go_to_questions"))</a>):</p><ul>\(items)</ul></div>
            """
    }
}
