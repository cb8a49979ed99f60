import HTMLKit
import RepairCore

/// The order page: details, status, the public history, the signed tracking link, "Continue" for drafts.
struct OrderPage {
    /// The order with its history as the viewer may see it.
    var view: OrderView
    /// The signed tracking link path (`/t/<token>`) and its absolute URL, in a read-only field for copying
    /// (a long token in running text would overflow a phone screen).
    var trackingPath: String
    var trackingURL: String

    var content: HTML {
        let order = view.order
        let details = OrderDetails(view: view)
        var head: [SummaryList.Item] = [
            .init(L("tracking.number"), text: order.number.description),
            .init(L("column.status"), "<strong class=\"status\">\(order.status.badge(order.status.label))</strong>"),
            .init(L("column.created"), text: OrderPageFormat.dateTime(order.createdAt)),
        ]
        if let agentName = view.agentName { head.append(.init(L("tracking.agent"), text: agentName)) }
        let turnaround: HTML = details.turnaround.map { "<p class=\"turnaround\">\($0)</p>" } ?? .empty
        let answers = details.answerItems
        return """
            \(draftActions)
            \(SummaryList(head + details.intakeItems).html)
            \(turnaround)
            \(answers.isEmpty ? .empty : "<h2>\(L("order.answers"))</h2>\(SummaryList(answers).html)")
            \(trackingHTML)
            <h2>\(L("order.history"))</h2>
            \(historyTable.html)
            <p><a href="/orders">\(L("order.back_to_list"))</a></p>
            """
    }

    // A draft is not at the location yet: it can be continued or discarded, not tracked.
    private var draftActions: HTML {
        guard view.status == .draft else { return .empty }
        let resume = HTML.safeURL(WizardStep.resumePath(for: view.number, isMissingAnswers: !view.missing.isEmpty))
        let discard = HTML.safeURL(OrderPageFormat.path(view.number, "/discard"))
        return """
            <p class="flash flash-notice">\(L("order.draft_notice"))</p>
            <div class="actions"><a class="button" href="\(resume)">\(L("order.continue"))</a>\
            <a class="button secondary" href="\(discard)">\(L("order.discard_draft"))</a></div>
            """
    }

    private var trackingHTML: HTML {
        guard view.status != .draft else { return .empty }
        return """
            <h2>\(L("order.tracking_link"))</h2>
            <p>\(L("order.tracking_link_about"))</p>
            <p><a class="tracking-link" href="\(HTML.safeURL(trackingPath))">\(L("order.open_tracking"))</a></p>
            <div class="field"><label for="tracking-url">\(L("order.link_to_share"))</label>\
            <input id="tracking-url" type="text" readonly value="\(trackingURL)"></div>
            """
    }

    // Newest first, as a timeline: a status change is a badge on a filled dot, a note a plain dot.
    private var historyTable: Timeline {
        let entries = view.history.reversed().map(\.event).map { event -> Timeline.Entry in
            let status: HTML =
                event.isStatusChange ? event.toStatus.badge(event.toStatus.label) : "<span class=\"empty\">\(L("column.note"))</span>"
            return Timeline.Entry(
                time: OrderPageFormat.dateTime(event.at), title: status, detail: HTML.text(event.note),
                isMilestone: event.isStatusChange)
        }
        return Timeline(entries, emptyMessage: L("order.history_empty"))
    }
}
