import Foundation
import HTMLKit
import HTTPServer
import RepairCore

extension ShipmentsController {
    /// The Shipments tab and one shipment's page, forms and downloads (reseller users only).
    func registerPages(_ router: inout RouteGroup) {
        let form = router.bodyOptions
        router.add(.get, "/shipments") { context, viewer in
            try listPage(context, viewer: viewer)
        }
        router.add(.post, "/shipments", options: form) { context, viewer in
            let request = context.request
            let numbers = try postedOrderNumbers(request, viewer: viewer)
            do {
                let shipment = try shipments.create(orderNumbers: numbers, by: viewer.user)
                return .redirect(to: "/shipments/\(shipment.id)")
            } catch let error as Problem {
                return try listPage(context, viewer: viewer, refusal: error)
            }
        }
        router.add(.get, "/shipments/:id") { context, viewer in
            try detailPage(context, viewer: viewer, shipment: try ownedShipment(context.request, viewer: viewer))
        }
        router.add(.post, "/shipments/:id/orders", options: form) { context, viewer in
            let request = context.request
            return try editShipment(context, viewer) { shipment, viewer in
                let numbers = try postedOrderNumbers(request, viewer: viewer)
                _ = try shipments.add(orderNumbers: numbers, to: String(shipment.id), by: viewer.user)
            }
        }
        router.add(.post, "/shipments/:id/remove", options: form) { context, viewer in
            let request = context.request
            return try editShipment(context, viewer) { shipment, viewer in
                let numbers = try postedOrderNumbers(request, viewer: viewer)
                _ = try shipments.remove(orderNumbers: numbers, from: String(shipment.id), by: viewer.user)
            }
        }
        router.add(.post, "/shipments/:id/discard", options: form) { context, viewer in
            let request = context.request
            let shipment = try ownedShipment(request, viewer: viewer)
            _ = try postedForm(request, viewer: viewer)
            do {
                try shipments.discard(String(shipment.id), by: viewer.user)
                return .redirect(to: "/shipments")
            } catch let error as Problem {
                return try detailPage(context, viewer: viewer, shipment: shipment, refusal: error)
            }
        }
        router.add(.post, "/shipments/:id/confirm", options: form) { context, viewer in
            let request = context.request
            return try editShipment(context, viewer) { shipment, viewer in
                let fields = try postedForm(request, viewer: viewer)
                documents.produce(
                    after: try shipments.confirm(
                        String(shipment.id), parcelText: fields["parcelCount"] ?? "",
                        weightText: fields["weightKg"] ?? "", by: viewer.user))
            }
        }
        router.add(.post, "/shipments/:id/carrier", options: form) { context, viewer in
            let request = context.request
            return try editShipment(context, viewer) { shipment, viewer in
                let fields = try postedForm(request, viewer: viewer)
                _ = try shipments.recordCarrier(
                    fields["carrier"] ?? "", trackingNumber: fields["trackingNumber"] ?? "", url: fields["trackingURL"],
                    on: String(shipment.id), by: viewer.user)
            }
        }
        router.add(.get, "/shipments/:id/packing-list") { context, viewer in
            let shipment = try ownedShipment(context.request, viewer: viewer)
            _ = try documents.texts(for: shipment)
            let html = PackingListPage(document: try documents.document(for: shipment), siteName: layout.siteName).html
            var response = HTTPResponse.html(html.rendered)
            response.headers.set("Cache-Control", "no-store")
            return response
        }
        for document in ShipmentDownload.allCases {
            router.add(.get, "/shipments/:id/\(document.rawValue)") { context, viewer in
                try documents.download(try ownedShipment(context.request, viewer: viewer), document)
            }
        }
    }

    /// The packing list's stylesheet: open to anyone, nobody looked up.
    func registerPackingListStylesheet(_ router: inout RouteGroup) {
        router.add(.get, PackingListPage.stylesheetPath, options: RouteOptions(execution: .inline)) { _ in
            var response = HTTPResponse.text(PackingListPage.css)
            response.headers.set("Content-Type", "text/css; charset=utf-8")
            response.headers.set("Cache-Control", "public, max-age=3600")
            return response
        }
    }

    /// Runs a change on the viewer's shipment, then shows it; a refusal shows it with the error (and changes nothing).
    private func editShipment(
        _ context: RequestContext, _ viewer: Viewer, _ change: (Shipment, Viewer) throws -> Void
    ) throws -> HTTPResponse {
        let request = context.request
        let shipment = try ownedShipment(request, viewer: viewer)
        do {
            try change(shipment, viewer)
            return .redirect(to: "/shipments/\(shipment.id)")
        } catch let error as Problem {
            let values = (try? request.formDictionary()) ?? [:]
            return try detailPage(context, viewer: viewer, shipment: shipment, refusal: error, values: values)
        }
    }

    /// The `order` checkboxes of a posted form (repeated fields), with the CSRF token checked.
    private func postedOrderNumbers(_ request: HTTPRequest, viewer: Viewer) throws -> [String] {
        let fields = try request.formFields()
        try viewer.verifyCSRF(
            Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }))
        return fields.filter { $0.name == "order" }.map(\.value)
    }

    private func listPage(_ context: RequestContext, viewer: Viewer, refusal: Problem? = nil) throws -> HTTPResponse {
        let overview = try shipments.overview(for: viewer.user)
        let content = ShipmentViews.list(
            groups: overview.groups, shipments: overview.shipments,
            catalogue: try store.catalogue(), csrfToken: viewer.csrfToken)
        return layout.page(
            context, title: L("nav.shipments"), flash: refusal.map { Flash(.error, context.localizer.message($0)) },
            status: refusal?.httpStatus ?? .ok, content: content)
    }

    private func detailPage(
        _ context: RequestContext, viewer: Viewer, shipment: Shipment, refusal: Problem? = nil,
        values: [String: String] = [:]
    ) throws -> HTTPResponse {
        // Reloaded: a refused change may have raced with another tab's change.
        let current = try store.shipment(id: shipment.id) ?? shipment
        let contents = try shipments.contents(of: current)
        var fieldErrors: [String: String] = [:]
        for error in refusal?.fieldErrors ?? [] { fieldErrors[error.field] = context.localizer.text(error.rule) }
        let content = ShipmentViews.detail(
            current, orders: contents.orders, openOrders: contents.open,
            catalogue: try store.catalogue(), csrfToken: viewer.csrfToken, errors: fieldErrors, values: values)
        return layout.page(
            context, title: L("shipment.title", ["reference": .text(current.reference)]),
            flash: refusal.map { Flash(.error, context.localizer.message($0)) }, status: refusal?.httpStatus ?? .ok,
            content: content)
    }
}
