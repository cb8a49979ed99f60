import HTMLKit
import Localization
import RepairCore

/// The tracking page: the look-up form, and the result or the error beneath it.
struct TrackingView: Sendable {
    /// What the visitor typed, echoed back into the form.
    var number = ""
    var surname = ""
    /// The order found, if any.
    var result: TrackingResult?
    /// Why nothing is shown (bad input, no match, too many tries).
    var error: Problem?
    /// Puts the error into the visitor's words.
    var localizer: Localizer

    /// The form: a GET to `/track`, read-only, so it needs no CSRF token.
    var form: HTML {
        let numberError = fieldError("number")
        let surnameError = fieldError("surname")
        return Form.form(
            action: "/track", method: "get", csrfToken: nil,
            content: """
                \(Form.textField(name: "number", label: L("tracking.number"), value: number, error: numberError, required: true, hint: L("tracking.number_hint"), autocomplete: "off"))
                \(Form.textField(name: "surname", label: L("tracking.surname"), value: surname, error: surnameError, required: true, hint: L("tracking.surname_hint"), autocomplete: "family-name"))
                \(Form.submitButton(L("tracking.track")))
                """)
    }

    /// The words under one field: the problem's own sentence for its field, and for any other field it lists
    /// (an empty form lacks both) that field's tracking sentence, built the way `Tracker` names its reasons.
    private func fieldError(_ name: String) -> String? {
        guard let error else { return nil }
        if error.field == name { return localizer.message(error) }
        guard let rule = error.fieldErrors.first(where: { $0.field == name })?.rule else { return nil }
        return localizer.message(
            Problem(.badRequest, reason: "tracking_\(name)_\(rule.code.rawValue)", field: name, parameters: rule.parameters))
    }

    /// The page content: the result (or the error) and the form.
    var html: HTML {
        var content = HTML.empty
        if let result { content.append(Self.resultHTML(result)) }
        if let error, error.field == nil {
            content.append(
                "<p class=\"error\" role=\"alert\" data-problem=\"\(error.code.rawValue)\">\(localizer.message(error))</p>"
            )
        }
        if result == nil { content.append(form) }
        return content
    }

    /// The parcel's carrier and tracking number, linked to the carrier's page when known.
    static func carrierRows(_ carrier: CarrierTracking?) -> HTML {
        guard let carrier else { return .empty }
        // The URL was checked to be http(s) when recorded; interpolation escapes it for the attribute.
        let number: HTML =
            carrier.url.map { "<a href=\"\($0)\" rel=\"noopener noreferrer\">\(carrier.trackingNumber)</a>" }
            ?? "\(carrier.trackingNumber)"
        return """
            <dt>\(L("tracking.carrier"))</dt><dd class="carrier">\(carrier.carrier)</dd>
            <dt>\(L("tracking.parcel"))</dt><dd class="parcel">\(number)</dd>
            """
    }

    /// The result: number and status first and large, the progress line through the milestones, then the
    /// details as `<dl class="tracking summary">` (the status badge is in `<dd class="status">`; tests read it).
    static func resultHTML(_ result: TrackingResult) -> HTML {
        let agent = result.agentDisplayName ?? L("tracking.agent_none")
        let days = L("count.working_days", ["count": .number(result.tatDays)])
        return """
            <section class="tracking-result card">
            <dl class="tracking-status">
            <div><dt>\(L("tracking.number"))</dt><dd class="number">\(result.number.description)</dd></div>
            <div><dt>\(L("tracking.status"))</dt><dd class="status">\(result.status.badge(result.status.label))</dd></div>
            </dl>
            \(progressLine(result.status))
            <dl class="tracking summary">
            <dt>\(L("tracking.device"))</dt><dd class="device">\(result.deviceDescription)</dd>
            <dt>\(L("tracking.agent"))</dt><dd class="agent">\(agent)</dd>
            <dt>\(L("tracking.location"))</dt><dd class="location">\(result.locationName)</dd>
            <dt>\(L("tracking.turnaround"))</dt><dd class="tat">\(days)</dd>
            \(carrierRows(result.carrier))
            </dl>
            </section>
            <p><a href="/track">\(L("tracking.another"))</a></p>
            """
    }

    /// The milestones named by their statuses' labels; a cancelled order has no line, its badge says it all.
    static func progressLine(_ status: OrderStatus) -> HTML {
        guard status != .cancelled else { return .empty }
        let milestones = status.milestonesOnTheWay.map(\.label)
        return ProgressLine(milestones: milestones, currentIndex: status.milestoneIndex, isPaused: status.isPaused).html
    }
}
