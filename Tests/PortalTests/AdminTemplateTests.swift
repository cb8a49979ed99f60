import Foundation
import HTTPServer
import Testing

@testable import Portal

@Suite("Admin: label templates page and API")
struct AdminTemplateTests {
    static let validLabel = "LABEL {{ shipment.id }}\n"
    static let badLabel = "LABEL {{ shipment.id }}\nTO {{ reciever.name }}\n"

    @Test func aValidTemplateIsStoredAuditedAndResetByThePage() throws {
        let harness = try PortalHarness()
        let admin = try harness.signedIn(.admin)
        let page = try admin.request(.get, "/admin/templates")
        #expect(page.status == 200)
        #expect(page.text.contains("shipping-label.txt"))
        let csrf = try PortalHarness.csrfToken(in: page.text)
        let saved = try admin.postForm("/admin/templates/shipping-label.txt", ["source": Self.validLabel, "csrf_token": csrf])
        #expect(saved.status == 303)
        #expect(try harness.store.labelTemplateOverrides() == ["shipping-label.txt": Self.validLabel])
        #expect(try harness.store.auditEntries().first?.entity == "labelTemplate")
        let reset = try admin.postForm("/admin/templates/shipping-label.txt/reset", ["csrf_token": csrf])
        #expect(reset.status == 303)
        #expect(try harness.store.labelTemplateOverrides().isEmpty)
    }

    @Test func anUnknownPlaceholderIsRefusedNamingTheLineAndNothingIsStored() throws {
        let harness = try PortalHarness()
        let admin = try harness.signedIn(.admin)
        let csrf = try PortalHarness.csrfToken(in: try admin.request(.get, "/admin/templates").text)
        let refused = try admin.postForm("/admin/templates/shipping-label.txt", ["source": Self.badLabel, "csrf_token": csrf])
        #expect(refused.status == 422)
        // The error names the file, line and column, beside the text area that keeps what was typed.
        #expect(refused.text.contains(
            #"<p class="error" id="field-source-error">shipping-label.txt:2:4: unknown placeholder &#39;reciever.name&#39;</p>"#))
        #expect(refused.text.contains("TO {{ reciever.name }}"))
        #expect(try harness.store.labelTemplateOverrides().isEmpty)
    }

    @Test func theAPIValidatesStoresAndResets() throws {
        let harness = try PortalHarness()
        let admin = try harness.apiClient(.admin)
        let bad = try admin.sendJSON(
            .put, "/api/v1/admin/templates/shipping-label.txt", json: #"{"source": "{{ reciever.name }}"}"#)
        #expect(bad.status == 422)
        #expect(try bad.jsonObject()["field"] as? String == "source")
        let message = try bad.jsonObject()["message"] as? String ?? ""
        #expect(message.contains("reciever.name"), "\(message)")
        #expect(try harness.store.labelTemplateOverrides().isEmpty)
        let good = try admin.sendJSON(
            .put, "/api/v1/admin/templates/shipping-label.txt", json: #"{"source": "LABEL {{ shipment.id }}\n"}"#)
        #expect(good.status == 200)
        #expect(try good.jsonObject()["isOverridden"] as? Bool == true)
        let list = try admin.sendJSON(.get, "/api/v1/admin/templates")
        #expect((try list.jsonObject()["templates"] as? [Any])?.count == 4)
        #expect(try admin.sendJSON(.delete, "/api/v1/admin/templates/shipping-label.txt").status == 204)
        #expect(try harness.store.labelTemplateOverrides().isEmpty)
    }

    @Test func unknownNamesAndOtherRolesAreRefused() throws {
        let harness = try PortalHarness()
        let admin = try harness.apiClient(.admin)
        #expect(try admin.sendJSON(.put, "/api/v1/admin/templates/evil.sh", json: #"{"source": "x"}"#).status == 404)
        #expect(try admin.sendJSON(.put, "/api/v1/admin/templates/shipping-label.txt", json: "{}").status == 400)
        #expect(try harness.signedIn(.agent).request(.get, "/admin/templates").status == 403)
        #expect(try harness.apiClient(.reseller).sendJSON(.get, "/api/v1/admin/templates").status == 403)
        #expect(try harness.store.labelTemplateOverrides().isEmpty)
    }
}
