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
        let numberError = error?.field == "number" ? error.map(localizer.message) : nil
        let surnameError = error?.field == "surname" ? error.map(localizer.message) : nil
        return Form.form(
            action: "/track", method: "get", csrfToken: nil,
            content: """
                \(Form.textField(name: "number", label: "Order number", value: number, error: numberError, required: true, hint: "For example RS-7K2M-9QXD; case, spaces and dashes do not matter.", autocomplete: "off"))
                \(Form.textField(name: "surname", label: "Surname", value: surname, error: surnameError, required: true, hint: "The contact surname given with the order.", autocomplete: "family-name"))
                \(Form.submitButton("Track"))
                """)
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
            <dt>Carrier</dt><dd class="carrier">\(carrier.carrier)</dd>
            <dt>Parcel tracking number</dt><dd class="parcel">\(number)</dd>
            """
    }

    /// The result: number and status first and large, the progress line through the milestones, then the
    /// details as `<dl class="tracking summary">` (the status badge is in `<dd class="status">`; tests read it).
    static func resultHTML(_ result: TrackingResult) -> HTML {
        let agent = result.agentDisplayName ?? "Not assigned yet"
        let days = "\(result.tatDays) working day\(result.tatDays == 1 ? "" : "s")"
        return """
            <section class="tracking-result card">
            <dl class="tracking-status">
            <div><dt>Order number</dt><dd class="number">\(result.number.description)</dd></div>
            <div><dt>Status</dt><dd class="status">\(result.status.badge(result.status.label))</dd></div>
            </dl>
            \(progressLine(result.status))
            <dl class="tracking summary">
            <dt>Device</dt><dd class="device">\(result.deviceDescription)</dd>
            <dt>Service agent</dt><dd class="agent">\(agent)</dd>
            <dt>Service location</dt><dd class="location">\(result.locationName)</dd>
            <dt>Expected turnaround</dt><dd class="tat">\(days)</dd>
            \(carrierRows(result.carrier))
            </dl>
            </section>
            <p><a href="/track">Track another order</a></p>
            """
    }

    /// The milestones named by their statuses' labels; a cancelled order has no line, its badge says it all.
    static func progressLine(_ status: OrderStatus) -> HTML {
        guard status != .cancelled else { return .empty }
        let milestones = status.milestonesOnTheWay.map(\.label)
        return ProgressLine(milestones: milestones, currentIndex: status.milestoneIndex, isPaused: status.isPaused).html
    }
}
