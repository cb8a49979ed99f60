import Foundation
import HTMLKit
import LabelTemplates
import RepairCore

/// The HTML of the shipment pages: the Shipments tab and one shipment.
enum ShipmentViews {
    /// Open orders of one group, with a checkbox each, as a form posting to `action`.
    static func selectableOrders(
        _ orders: [ServiceOrder], catalogue: Catalogue, action: String, button: String, csrfToken: String?,
        caption: String
    ) -> HTML {
        let rows = orders.map { order -> [HTML] in
            let number = order.number.description
            let id = Form.fieldID("order-" + number)
            return [
                "<input type=\"checkbox\" id=\"\(id)\" name=\"order\" value=\"\(number)\" aria-label=\"Select \(number)\">",
                HTML.text(number), HTML.text(catalogue.deviceName(modelID: order.intake.modelID)),
                HTML.text(order.intake.serial), HTML.text(order.intake.fault),
            ]
        }
        let table = Table(
            columns: ["Select", "Order", "Device", "Serial / IMEI", "Fault"], rows: rows, caption: caption)
        return Form.form(action: action, csrfToken: csrfToken, content: "\(table.nowrap(1).html)\(Form.submitButton(button))")
    }

    /// The Shipments tab: open orders by (location, method) with counts, then drafts and confirmed shipments.
    static func list(
        groups: [ShipmentGroup], shipments: [Shipment], catalogue: Catalogue, csrfToken: String?
    ) -> HTML {
        var content: HTML = "<h2>Orders ready to ship</h2>"
        if groups.isEmpty {
            content.append("<p class=\"empty\">No confirmed orders are waiting for a shipment.</p>")
        }
        for group in groups {
            let location = catalogue.location(id: group.key.locationID)?.name ?? "?"
            let method = catalogue.method(id: group.key.methodID)?.name ?? "?"
            let count = "\(group.count) order\(group.count == 1 ? "" : "s")"
            content.append("<section class=\"shipment-group\"><h3>\(location) — \(method) (\(count))</h3>")
            content.append(
                selectableOrders(
                    group.orders, catalogue: catalogue, action: "/shipments", button: "Create shipment from selected",
                    csrfToken: csrfToken, caption: "\(location), \(method): \(count)"))
            content.append("</section>")
        }
        let drafts = shipments.filter { $0.status == .draft }
        let confirmed = shipments.filter { $0.status == .confirmed }
        content.append("<h2>Draft shipments</h2>")
        content.append(shipmentTable(drafts, catalogue: catalogue, empty: "No drafts."))
        content.append("<h2>Confirmed shipments</h2>")
        content.append(shipmentTable(confirmed, catalogue: catalogue, empty: "No confirmed shipments yet."))
        return content
    }

    static func shipmentTable(_ shipments: [Shipment], catalogue: Catalogue, empty: String) -> HTML {
        let rows = shipments.map { shipment -> [HTML] in
            [
                "<a href=\"/shipments/\(shipment.id)\">\(shipment.reference)</a>",
                HTML.text(catalogue.location(id: shipment.group.locationID)?.name ?? ""),
                HTML.text(catalogue.method(id: shipment.group.methodID)?.name ?? ""),
                "\(shipment.orderIDs.count)",
                HTML.text(ShipmentDocumentDates.text(shipment.confirmedAt ?? shipment.createdAt)),
                HTML.text(shipment.carrier.map { "\($0.carrier) \($0.trackingNumber)" } ?? "—"),
            ]
        }
        return Table(
            columns: ["Shipment", "To", "Method", "Orders", "Date", "Carrier"], rows: rows, emptyMessage: empty
        ).nowrap(0, 4).numeric(3).html
    }

    /// One shipment: its facts, its orders and what may be done with it now.
    static func detail(
        _ shipment: Shipment, orders: [ServiceOrder], openOrders: [ServiceOrder], catalogue: Catalogue,
        csrfToken: String?, errors: [String: String], values: [String: String]
    ) -> HTML {
        let base = "/shipments/\(shipment.id)"
        var items = [
            SummaryList.Item("Shipment", text: shipment.reference),
            SummaryList.Item("Status", text: shipment.status == .draft ? "Draft" : "Confirmed — ready for pickup"),
            SummaryList.Item("To", text: catalogue.location(id: shipment.group.locationID)?.name),
            SummaryList.Item("Method", text: catalogue.method(id: shipment.group.methodID)?.name),
            SummaryList.Item("Orders", text: String(orders.count)),
        ]
        if let confirmedAt = shipment.confirmedAt {
            items.append(SummaryList.Item("Confirmed", text: ShipmentDocumentDates.text(confirmedAt)))
            items.append(SummaryList.Item("Parcels", text: String(shipment.parcelCount)))
            items.append(SummaryList.Item("Weight", text: shipment.weightText))
        }
        if let carrier = shipment.carrier {
            let link: HTML = carrier.url.map { " <a href=\"\($0)\" rel=\"noopener noreferrer\">track</a>" } ?? .empty
            items.append(SummaryList.Item("Carrier", "\(carrier.carrier): \(carrier.trackingNumber)\(link)"))
        }
        var content: HTML = "\(SummaryList(items).html)"
        switch shipment.status {
        case .draft:
            content.append(
                selectableOrders(
                    orders, catalogue: catalogue, action: base + "/remove", button: "Remove selected",
                    csrfToken: csrfToken, caption: "Orders in this shipment"))
            if !openOrders.isEmpty {
                content.append("<h2>Add orders</h2>")
                content.append(
                    selectableOrders(
                        openOrders, catalogue: catalogue, action: base + "/orders", button: "Add selected",
                        csrfToken: csrfToken, caption: "Open orders for the same location and method"))
            }
            content.append(
                "<h2>Confirm — ready for pickup</h2><p>A confirmed shipment cannot change; its orders become shipped.</p>"
            )
            content.append(
                Form.form(
                    action: base + "/confirm", csrfToken: csrfToken,
                    content: """
                        \(Form.numberField(name: "parcelCount", label: "Parcels", value: values["parcelCount"] ?? "1", error: errors["parcelCount"], required: true, minimum: 1, maximum: ShipmentLimits.default.maxParcelCount))
                        \(Form.textField(name: "weightKg", label: "Total weight in kg", value: values["weightKg"], error: errors["weightKg"], hint: "Optional, e.g. 4.5"))
                        \(Form.submitButton("Confirm shipment"))
                        """))
            content.append(
                Form.form(
                    action: base + "/discard", csrfToken: csrfToken,
                    content: "<button type=\"submit\" class=\"secondary\">Discard draft</button>"))
        case .confirmed:
            content.append(orderTable(orders, catalogue: catalogue))
            let links = ShipmentDownload.allCases.map { document -> HTML in
                "<li><a href=\"\(base)/\(document.rawValue)\" download>\(document.title)</a></li>"
            }
            content.append(
                "<h2>Documents</h2><ul>\(links)<li><a href=\"\(base)/packing-list\">Packing list to print</a></li></ul>"
            )
            content.append("<h2>Carrier tracking</h2>")
            content.append(
                Form.form(
                    action: base + "/carrier", csrfToken: csrfToken,
                    content: """
                        \(Form.textField(name: "carrier", label: "Carrier", value: values["carrier"] ?? shipment.carrier?.carrier, error: errors["carrier"], required: true))
                        \(Form.textField(name: "trackingNumber", label: "Tracking number", value: values["trackingNumber"] ?? shipment.carrier?.trackingNumber, error: errors["trackingNumber"], required: true))
                        \(Form.textField(name: "trackingURL", label: "Tracking link", value: values["trackingURL"] ?? shipment.carrier?.url, error: errors["trackingURL"], type: "url", hint: "Optional, https://…"))
                        \(Form.submitButton("Save carrier tracking"))
                        """))
        }
        content.append("<p><a href=\"/shipments\">All shipments</a></p>")
        return content
    }

    static func orderTable(_ orders: [ServiceOrder], catalogue: Catalogue) -> HTML {
        let rows = orders.map { order -> [HTML] in
            [
                HTML.text(order.number.description),
                HTML.text(catalogue.deviceName(modelID: order.intake.modelID)),
                HTML.text(order.intake.serial), HTML.text(order.intake.fault),
            ]
        }
        return Table(columns: ["Order", "Device", "Serial / IMEI", "Fault"], rows: rows, caption: "Orders").nowrap(0, 2).html
    }
}

/// Dates on shipment pages and documents: the UTC calendar date, as on the packing list.
enum ShipmentDocumentDates {
    static func text(_ date: Date) -> String { ShipmentDocument.dateText(date) }
}
