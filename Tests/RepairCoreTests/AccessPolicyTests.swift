import Foundation
import Testing

@testable import RepairCore

// The access policy as a table: (viewer, action, resource) → decision. Customer 10 is the viewers' own
// company, customer 20 another one.
@Suite("Access policy")
struct AccessPolicyTests {
    static let customer = User.make(id: 1, role: .customer, customerID: 10)
    static let reseller = User.make(id: 2, role: .reseller, customerID: 10)
    static let agent = User.make(id: 3, role: .agent, customerID: nil)
    static let admin = User.make(id: 4, role: .admin, customerID: nil)
    static let orphan = User.make(id: 5, role: .customer, customerID: nil)
    static let companyless = User.make(id: 6, role: .reseller, customerID: nil)
    static let ownOrder = AccessResource.order(.make(customerID: 10))
    static let otherOrder = AccessResource.order(.make(customerID: 20))
    static let ownShipment = AccessResource.shipment(.make(customerID: 10))
    static let otherShipment = AccessResource.shipment(.make(customerID: 20))

    struct Row: Sendable, CustomStringConvertible {
        var viewer: User
        var action: AccessAction
        var resource: AccessResource
        var decision: AccessDecision
        var description: String { "\(viewer.role.rawValue)#\(viewer.id) \(action.rawValue) → \(decision)" }
    }

    static let rows: [Row] = [
        // Orders: own company allowed, another company's hidden, staff everywhere.
        Row(viewer: customer, action: .viewOrder, resource: ownOrder, decision: .allowed),
        Row(viewer: customer, action: .viewOrder, resource: otherOrder, decision: .hidden),
        Row(viewer: customer, action: .editDraft, resource: otherOrder, decision: .hidden),
        Row(viewer: customer, action: .approveOrder, resource: ownOrder, decision: .allowed),
        Row(viewer: customer, action: .noteOrder, resource: otherOrder, decision: .hidden),
        Row(viewer: reseller, action: .editDraft, resource: ownOrder, decision: .allowed),
        Row(viewer: agent, action: .viewOrder, resource: otherOrder, decision: .allowed),
        Row(viewer: admin, action: .editDraft, resource: otherOrder, decision: .allowed),
        Row(viewer: orphan, action: .viewOrder, resource: ownOrder, decision: .denied(.noCustomer)),
        // Creating and listing name a customer.
        Row(viewer: customer, action: .createOrder, resource: .customer(10), decision: .allowed),
        Row(viewer: customer, action: .createOrder, resource: .customer(20), decision: .denied(.orderForOtherCustomer)),
        Row(viewer: customer, action: .listOrders, resource: .customer(20), decision: .hidden),
        Row(viewer: orphan, action: .listOrders, resource: .shop, decision: .denied(.noCustomer)),
        Row(viewer: agent, action: .createOrder, resource: .customer(20), decision: .allowed),
        // Shipments: reseller companies only; another company's shipment hidden.
        Row(viewer: reseller, action: .manageShipments, resource: .shop, decision: .allowed),
        Row(viewer: reseller, action: .manageShipments, resource: ownShipment, decision: .allowed),
        Row(viewer: reseller, action: .manageShipments, resource: otherShipment, decision: .hidden),
        Row(viewer: customer, action: .manageShipments, resource: .shop, decision: .denied(.resellersOnly)),
        Row(viewer: agent, action: .manageShipments, resource: ownShipment, decision: .denied(.resellersOnly)),
        Row(viewer: companyless, action: .manageShipments, resource: .shop, decision: .denied(.noCompany)),
        // The shop: the staff queue, administration, one's own tokens.
        Row(viewer: agent, action: .runStaffQueue, resource: .shop, decision: .allowed),
        Row(viewer: admin, action: .runStaffQueue, resource: .shop, decision: .allowed),
        Row(viewer: reseller, action: .runStaffQueue, resource: .shop, decision: .denied(.staffOnly)),
        Row(viewer: admin, action: .administer, resource: .shop, decision: .allowed),
        Row(viewer: agent, action: .administer, resource: .shop, decision: .denied(.adminsOnly)),
        Row(viewer: customer, action: .manageOwnTokens, resource: .shop, decision: .allowed),
    ]

    @Test(arguments: rows) func decides(_ row: Row) {
        #expect(AccessPolicy.standard.decide(row.viewer, row.action, on: row.resource) == row.decision)
    }

    // Inactive accounts are refused before any rule, whatever they ask.
    @Test(arguments: AccessAction.allCases) func inactiveAccountsAreRefused(_ action: AccessAction) {
        var unconfirmed = Self.admin
        unconfirmed.isConfirmed = false
        var disabled = Self.reseller
        disabled.isDisabled = true
        #expect(AccessPolicy.standard.decide(unconfirmed, action, on: Self.ownOrder) == .denied(.accountNotConfirmed))
        #expect(AccessPolicy.standard.decide(disabled, action, on: Self.ownOrder) == .denied(.accountDisabled))
    }

    // The organisation roles of issue #10 come in as the policy's input; callers ask the same question.
    @Test func companyRolesAreAnInputOfThePolicy() {
        let viewOnly = AccessPolicy { _, _ in .viewOnly }
        #expect(viewOnly.decide(Self.customer, .viewOrder, on: Self.otherOrder) == .allowed)
        #expect(viewOnly.decide(Self.customer, .editDraft, on: Self.otherOrder) == .denied(.viewOnly))
        #expect(viewOnly.decide(Self.reseller, .manageShipments, on: Self.ownShipment) == .hidden)
        let none = AccessPolicy { _, _ in CompanyRole.none }
        #expect(none.decide(Self.customer, .viewOrder, on: Self.ownOrder) == .hidden)
        #expect(none.decide(Self.agent, .viewOrder, on: Self.ownOrder) == .allowed)
    }

    @Test func checkThrowsTheReasonOrTheCallersNotFound() {
        let notFound = Problem.notFound(.order, key: "RS-X")
        #expect(throws: notFound) {
            try AccessPolicy.standard.check(Self.customer, .viewOrder, on: Self.otherOrder, hidden: notFound)
        }
        #expect(throws: Problem.forbidden(.staffOnly)) {
            try AccessPolicy.standard.check(Self.customer, .runStaffQueue, hidden: notFound)
        }
    }
}

extension Shipment {
    static func make(customerID: Int64) -> Shipment {
        Shipment(
            id: 1, customerID: customerID, group: ShipmentGroupKey(locationID: 1, methodID: 1), orderIDs: [],
            createdByUserID: 2, createdAt: Date(timeIntervalSince1970: 0))
    }
}
