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
                "<input type=\"checkbox\" id=\"\(id)\" name=\"order\" value=\"\(number)\" aria-label=\"\(L("shipment.select_order", ["number": .text(number)]))\">",
                HTML.text(number), HTML.text(catalogue.deviceName(modelID: order.intake.modelID)),
                HTML.text(order.intake.serial), HTML.text(order.intake.fault),
            ]
        }
        let table = Table(
            columns: [L("column.select"), L("column.order"), L("column.device"), L("field.serial.staff_label"), L("column.fault")],
            rows: rows, caption: caption, emptyMessage: L("table.empty"))
        return Form.form(action: action, csrfToken: csrfToken, content: "\(table.nowrap(1).html)\(Form.submitButton(button))")
    }

    /// The Shipments tab: open orders by (location, method) with counts, then drafts and confirmed shipments.
    static func list(
        groups: [ShipmentGroup], shipments: [Shipment], catalogue: Catalogue, csrfToken: String?
    ) -> HTML {
        var content: HTML = "<h2>\(L("shipment.ready"))</h2>"
        if groups.isEmpty {
            content.append("<p class=\"empty\">\(L("shipment.ready_none"))</p>")
        }
        for group in groups {
            let location = catalogue.location(id: group.key.locationID)?.name ?? "?"
            let method = catalogue.method(id: group.key.methodID)?.name ?? "?"
            let count = L("staff.order_count", ["count": .number(group.count)])
            content.append("<section class=\"shipment-group\"><h3>\(location) — \(method) (\(count))</h3>")
            content.append(
                selectableOrders(
                    group.orders, catalogue: catalogue, action: "/shipments", button: L("shipment.create"),
                    csrfToken: csrfToken, caption: "\(location), \(method): \(count)"))
            content.append("</section>")
        }
        let drafts = shipments.filter { $0.status == .draft }
        let confirmed = shipments.filter { $0.status == .confirmed }
        content.append("<h2>\(L("shipment.drafts"))</h2>")
        content.append(shipmentTable(drafts, catalogue: catalogue, empty: L("shipment.drafts_none")))
        content.append("<h2>\(L("shipment.confirmed"))</h2>")
        content.append(shipmentTable(confirmed, catalogue: catalogue, empty: L("shipment.confirmed_none")))
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
            columns: [
                L("column.shipment"), L("column.to"), L("column.method"), L("column.orders"), L("column.date"),
                L("tracking.carrier"),
            ], rows: rows, emptyMessage: empty
        ).nowrap(0, 4).numeric(3).html
    }

    /// One shipment: its facts, its orders and what may be done with it now.
    static func detail(
        _ shipment: Shipment, orders: [ServiceOrder], openOrders: [ServiceOrder], catalogue: Catalogue,
        csrfToken: String?, errors: [String: String], values: [String: String]
    ) -> HTML {
        let base = "/shipments/\(shipment.id)"
        var items = [
            SummaryList.Item(L("column.shipment"), text: shipment.reference),
            SummaryList.Item(
                L("column.status"),
                text: shipment.status == .draft ? L("shipment.status.draft") : L("shipment.status.confirmed")),
            SummaryList.Item(L("column.to"), text: catalogue.location(id: shipment.group.locationID)?.name),
            SummaryList.Item(L("column.method"), text: catalogue.method(id: shipment.group.methodID)?.name),
            SummaryList.Item(L("column.orders"), text: String(orders.count)),
        ]
        if let confirmedAt = shipment.confirmedAt {
            items.append(SummaryList.Item(L("shipment.confirmed_at"), text: ShipmentDocumentDates.text(confirmedAt)))
            items.append(SummaryList.Item(L("shipment.parcels"), text: String(shipment.parcelCount)))
            items.append(SummaryList.Item(L("shipment.weight"), text: shipment.weightText))
        }
        if let carrier = shipment.carrier {
            let link: HTML = carrier.url.map { " <a href=\"\($0)\" rel=\"noopener noreferrer\">\(L("shipment.track"))</a>" } ?? .empty
            items.append(SummaryList.Item(L("tracking.carrier"), "\(carrier.carrier): \(carrier.trackingNumber)\(link)"))
        }
        var content: HTML = "\(SummaryList(items).html)"
        switch shipment.status {
        case .draft:
            content.append(
                selectableOrders(
                    orders, catalogue: catalogue, action: base + "/remove", button: L("shipment.remove_selected"),
                    csrfToken: csrfToken, caption: L("shipment.orders_in")))
            if !openOrders.isEmpty {
                content.append("<h2>\(L("shipment.add_orders"))</h2>")
                content.append(
                    selectableOrders(
                        openOrders, catalogue: catalogue, action: base + "/orders", button: L("shipment.add_selected"),
                        csrfToken: csrfToken, caption: L("shipment.open_orders")))
            }
            content.append(
                "<h2>\(L("shipment.confirm_heading"))</h2><p>\(L("shipment.confirm_about"))</p>"
            )
            content.append(
                Form.form(
                    action: base + "/confirm", csrfToken: csrfToken,
                    content: """
                        \(Form.numberField(name: "parcelCount", label: L("shipment.parcels"), value: values["parcelCount"] ?? "1", error: errors["parcelCount"], required: true, minimum: 1, maximum: ShipmentLimits.default.maxParcelCount))
                        \(Form.textField(name: "weightKg", label: L("shipment.weight_kg"), value: values["weightKg"], error: errors["weightKg"], hint: L("shipment.weight_hint")))
                        \(Form.submitButton(L("shipment.confirm")))
                        """))
            content.append(
                Form.form(
                    action: base + "/discard", csrfToken: csrfToken,
                    content: "<button type=\"submit\" class=\"secondary\">\(L("order.discard_draft"))</button>"))
        case .confirmed:
            content.append(orderTable(orders, catalogue: catalogue))
            let links = ShipmentDownload.allCases.map { document -> HTML in
                "<li><a href=\"\(base)/\(document.rawValue)\" download>\(document.title)</a></li>"
            }
            content.append(
                "<h2>\(L("shipment.documents"))</h2><ul>\(links)<li><a href=\"\(base)/packing-list\">\(L("shipment.print_packing_list"))</a></li></ul>"
            )
            content.append("<h2>\(L("shipment.carrier_tracking"))</h2>")
            content.append(
                Form.form(
                    action: base + "/carrier", csrfToken: csrfToken,
                    content: """
                        \(Form.textField(name: "carrier", label: L("tracking.carrier"), value: values["carrier"] ?? shipment.carrier?.carrier, error: errors["carrier"], required: true))
                        \(Form.textField(name: "trackingNumber", label: L("shipment.tracking_number"), value: values["trackingNumber"] ?? shipment.carrier?.trackingNumber, error: errors["trackingNumber"], required: true))
                        \(Form.textField(name: "trackingURL", label: L("shipment.tracking_link"), value: values["trackingURL"] ?? shipment.carrier?.url, error: errors["trackingURL"], type: "url", hint: L("shipment.tracking_link_hint")))
                        \(Form.submitButton(L("shipment.save_carrier")))
                        """))
        }
        content.append("<p><a href=\"/shipments\">\(L("shipment.all"))</a></p>")
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
        return Table(
            columns: [L("column.order"), L("column.device"), L("field.serial.staff_label"), L("column.fault")], rows: rows,
            caption: L("column.orders"), emptyMessage: L("table.empty")
        ).nowrap(0, 2).html
    }
}

/// Dates on shipment pages and documents: the UTC calendar date, as on the packing list.
enum ShipmentDocumentDates {
    static func text(_ date: Date) -> String { ShipmentDocument.dateText(date) }
}
