import HTTPServer

@testable import Portal

// The table itself: one row per registered route, in the order the rows run (each role on its own
// database, so a row that changes data only has to leave what the later rows of the same run need).
extension AccessTableTests {
    /// Who asks: nobody, Jan (customer 1), Olga (another customer), the reseller, a second reseller company
    /// (made for the test: shipments are per company), the agent, the admin.
    enum Who: String, CaseIterable, Sendable {
        case anonymous, customer, otherCustomer, reseller, otherReseller, agent, admin

        /// The demo account's e-mail and password; nil when anonymous.
        var credentials: (email: String, password: String)? {
            switch self {
            case .anonymous: nil
            case .customer: ("customer@example.com", "customer-demo")
            case .otherCustomer: ("olga@example.com", "olga-demo")
            case .reseller: ("reseller@example.com", "reseller-demo")
            case .otherReseller: (AccessWorld.otherResellerEmail, AccessWorld.otherResellerPassword)
            case .agent: ("agent@example.com", "agent-demo")
            case .admin: ("admin@example.com", "admin-demo")
            }
        }
        var isStaff: Bool { self == .agent || self == .admin }
    }

    /// What a role gets from a route.
    enum Outcome: Equatable {
        case allowed, signInRedirect, unauthorized, forbidden, notFound

        var status: Int {
            switch self {
            case .allowed: 200
            case .signInRedirect: 303
            case .unauthorized: 401
            case .forbidden: 403
            case .notFound: 404
            }
        }
        /// The `error` code of a JSON refusal.
        var errorCode: String {
            switch self {
            case .allowed, .signInRedirect: ""
            case .unauthorized: "unauthorized"
            case .forbidden: "forbidden"
            case .notFound: "not_found"
            }
        }
    }

    /// Who may use a route; everyone else is refused.
    enum Rule {
        /// No account needed.
        case anyone
        /// Any signed-in account.
        case signedIn
        /// These roles; any other account gets 403.
        case roles(Set<Who>)
        /// Jan's own order or token: Jan gets in, another customer and the reseller get 404, staff as `staff` says.
        case jansOwn(staff: Outcome)
        /// The demo reseller's shipment: the other reseller gets 404, everyone else 403.
        case resellersOwn

        func outcome(for who: Who, isAPI: Bool, method: HTTPMethod) -> Outcome {
            if who == .anonymous {
                if case .anyone = self { return .allowed }
                return !isAPI && method == .get ? .signInRedirect : .unauthorized
            }
            switch self {
            case .anyone, .signedIn: return .allowed
            case .roles(let roles): return roles.contains(who) ? .allowed : .forbidden
            case .jansOwn(let staff): return who == .customer ? .allowed : who.isStaff ? staff : .notFound
            case .resellersOwn: return who == .reseller ? .allowed : who == .otherReseller ? .notFound : .forbidden
            }
        }
    }

    /// One route with real demo IDs (`{name}` placeholders are filled per database), its rule and body.
    struct Row: CustomStringConvertible {
        var method: HTTPMethod
        var path: String
        var rule: Rule
        /// The statuses a role that is let in may get (the call is valid, or refused for its content only).
        var answers: Set<Int>
        /// What an anonymous visitor gets instead, where that differs (start and sign-in pages).
        var anonymousAnswers: Set<Int>? = nil
        /// Form fields of a page POST (the CSRF token is added) or the JSON body of an API call.
        var form: [String: String] = [:]
        var json: String? = nil
        /// The form is an anonymous one (sign-in, account confirmation), bound to the `rs_form` cookie.
        var isAnonymousForm = false

        var isAPI: Bool { path.hasPrefix("/api/") }
        var description: String { "\(method.rawValue) \(path)" }

        init(
            _ method: HTTPMethod, _ path: String, _ rule: Rule, _ answers: Set<Int>, form: [String: String] = [:],
            json: String? = nil, isAnonymousForm: Bool = false, anonymousAnswers: Set<Int>? = nil
        ) {
            (self.method, self.path, self.rule, self.answers) = (method, path, rule, answers)
            self.anonymousAnswers = anonymousAnswers
            (self.form, self.json, self.isAnonymousForm) = (form, json, isAnonymousForm)
        }
    }

    static let customers: Rule = .roles([.customer, .otherCustomer, .reseller, .otherReseller])
    /// The Shipments tab and creating a shipment: any reseller.
    static let resellers: Rule = .roles([.reseller, .otherReseller])
    /// One shipment: its company's resellers only.
    static let reseller: Rule = .resellersOwn
    static let staff: Rule = .roles([.agent, .admin])
    static let admin: Rule = .roles([.admin])
    /// Jan's order pages and API changes: staff use their own routes (403).
    static let jansOrder: Rule = .jansOwn(staff: .forbidden)
    /// Reading Jan's order through the API: staff may.
    static let jansOrderToRead: Rule = .jansOwn(staff: .allowed)
    static let track = "number=RS-7K2M-9QXD&surname=lukasiewicz"

    static let rows: [Row] =
        homeAndAccountRows + orderPageRows + orderAPIRows + shipmentRows + shipmentAPIRows + staffRows + adminPageRows
        + adminAPIRows + accountRows + [Row(.post, "/logout", .anyone, [303])]

    static let homeAndAccountRows: [Row] = [
        // Signed in, the start and sign-in pages send each role to its home.
        Row(.get, "/", .anyone, [303], anonymousAnswers: [200]),
        Row(.get, "/static/style.css", .anyone, [200]),
        Row(.get, "/healthz", .anyone, [200]),
        Row(.get, "/login", .anyone, [303], anonymousAnswers: [200]),
        Row(.post, "/login", .anyone, [422], form: ["email": ""], isAnonymousForm: true),
        Row(.get, "/api/v1/me", .signedIn, [200]),
        Row(.get, "/api/v1/openapi.json", .anyone, [200]),
        Row(.get, "/api/v1/track?\(track)", .anyone, [200]),
        Row(.get, "/track?\(track)", .anyone, [200]),
        Row(.get, "/t/{trackingToken}", .anyone, [200]),
        Row(.get, "/account/tokens", .signedIn, [200]),
        Row(.post, "/account/tokens", .signedIn, [422], form: ["name": ""]),
        // Tokens are per user: anyone else's revoke answers as if the token did not exist.
        Row(.post, "/account/tokens/{jansToken}/revoke", .jansOwn(staff: .notFound), [303]),
        Row(.get, "/language/pl?return=/track", .anyone, [303]),
        Row(.get, "/account/settings", .signedIn, [200]),
        Row(.post, "/account/settings", .signedIn, [422], form: ["pageSize": "7"]),
        Row(.post, "/account/password", .signedIn, [422], form: ["currentPassword": "wrong"]),
        Row(.get, "/api/v1/me/settings", .signedIn, [200]),
        Row(.put, "/api/v1/me/settings", .signedIn, [422], json: #"{"pageSize": 7}"#),
        Row(.post, "/api/v1/me/password", .signedIn, [422], json: #"{"currentPassword": "x", "newPassword": "y"}"#),
        Row(.get, "/password/forgot", .anyone, [200]),
        Row(.post, "/password/forgot", .anyone, [200], form: ["email": "nobody@example.com"], isAnonymousForm: true),
        Row(.get, "/password/reset/unknown-token", .anyone, [404]),
        Row(.post, "/password/reset/unknown-token", .anyone, [404], form: ["password": "x"], isAnonymousForm: true),
    ]

    static let orderPageRows: [Row] = [
        Row(.get, "/orders", customers, [200]),
        Row(.get, "/orders/new", customers, [200]),
        Row(.post, "/orders/new", customers, [422]),
        Row(.get, "/orders/RS-7K2M-9QXD", jansOrder, [200]),
        Row(.get, "/orders/RS-4HJT-2B8N/intake", jansOrder, [200]),
        Row(.post, "/orders/RS-4HJT-2B8N/intake", jansOrder, [422]),
        Row(.get, "/orders/RS-4HJT-2B8N/questions", jansOrder, [200]),
        Row(.post, "/orders/RS-4HJT-2B8N/questions", jansOrder, [422]),
        Row(.get, "/orders/RS-4HJT-2B8N/summary", jansOrder, [200]),
        Row(.post, "/orders/{draftToApprove}/approve", jansOrder, [303]),
        Row(.get, "/orders/RS-4HJT-2B8N/discard", jansOrder, [200]),
        Row(.post, "/orders/{draftToDiscard}/discard", jansOrder, [303]),
    ]

    static let orderAPIRows: [Row] = [
        Row(.get, "/api/v1/catalogue", .signedIn, [200]),
        Row(.get, "/api/v1/orders", customers, [200]),
        Row(.post, "/api/v1/orders", customers, [422], json: "{}"),
        Row(.get, "/api/v1/orders/RS-7K2M-9QXD", jansOrderToRead, [200]),
        Row(.put, "/api/v1/orders/RS-4HJT-2B8N/intake", jansOrder, [422], json: "{}"),
        Row(.get, "/api/v1/orders/RS-4HJT-2B8N/questions", jansOrderToRead, [200]),
        Row(.put, "/api/v1/orders/RS-4HJT-2B8N/answers", jansOrder, [422], json: "{}"),
        Row(.get, "/api/v1/orders/RS-4HJT-2B8N/summary", jansOrderToRead, [200]),
        Row(.post, "/api/v1/orders/{apiDraftToApprove}/approve", jansOrder, [200]),
        Row(.delete, "/api/v1/orders/{apiDraftToDiscard}", jansOrder, [204]),
        Row(.get, "/api/v1/orders/RS-7K2M-9QXD/events", jansOrderToRead, [200]),
    ]

    static let shipmentRows: [Row] = [
        Row(.get, "/shipments", resellers, [200]),
        Row(.post, "/shipments", resellers, [422]),
        Row(.get, "/shipments/{shipment}", reseller, [200]),
        Row(.post, "/shipments/{shipment}/orders", reseller, [422]),
        Row(.post, "/shipments/{shipment}/remove", reseller, [422]),
        Row(.post, "/shipments/{shipment}/confirm", reseller, [422], form: ["parcelCount": "none"]),
        Row(.post, "/shipments/{shipmentToDiscard}/discard", reseller, [303]),
        Row(.post, "/shipments/{confirmedShipment}/carrier", reseller, [422]),
        Row(.get, "/shipments/{confirmedShipment}/packing-list", reseller, [200]),
        Row(.get, "/shipments/{confirmedShipment}/packing-list.txt", reseller, [200]),
        Row(.get, "/shipments/{confirmedShipment}/packing-list.zpl", reseller, [200]),
        Row(.get, "/shipments/{confirmedShipment}/label.txt", reseller, [200]),
        Row(.get, "/shipments/{confirmedShipment}/label.zpl", reseller, [200]),
        Row(.get, "/static/packing-list.css", .anyone, [200]),
    ]

    static let shipmentAPIRows: [Row] = [
        Row(.get, "/api/v1/shipments", resellers, [200]),
        Row(.post, "/api/v1/shipments", resellers, [422], json: #"{"orders": []}"#),
        Row(.get, "/api/v1/shipments/{shipment}", reseller, [200]),
        // A confirmed shipment is immutable: the reseller gets past the access check and is refused for that.
        Row(.delete, "/api/v1/shipments/{confirmedShipment}", reseller, [409]),
        Row(.post, "/api/v1/shipments/{shipment}/orders", reseller, [422], json: #"{"orders": []}"#),
        Row(.delete, "/api/v1/shipments/{confirmedShipment}/orders/RS-8NRS-5VYA", reseller, [409]),
        Row(.post, "/api/v1/shipments/{shipment}/confirm", reseller, [422], json: #"{"parcelCount": 0}"#),
        Row(.put, "/api/v1/shipments/{confirmedShipment}/carrier", reseller, [400, 422], json: "{}"),
        Row(.get, "/api/v1/shipments/{confirmedShipment}/packing-list.txt", reseller, [200]),
        Row(.get, "/api/v1/shipments/{confirmedShipment}/packing-list.zpl", reseller, [200]),
        Row(.get, "/api/v1/shipments/{confirmedShipment}/label.txt", reseller, [200]),
        Row(.get, "/api/v1/shipments/{confirmedShipment}/label.zpl", reseller, [200]),
    ]

    static let staffRows: [Row] = [
        Row(.get, "/staff/orders", staff, [200]),
        Row(.get, "/staff/orders/RS-Q3V5-K8MZ", staff, [200]),
        Row(.post, "/staff/orders/RS-Q3V5-K8MZ/confirm", staff, [303]),
        Row(.post, "/staff/orders/RS-Q3V5-K8MZ/status", staff, [422], form: ["status": ""]),
        Row(.post, "/staff/orders/RS-Q3V5-K8MZ/assign", staff, [303], form: ["agentID": "3"]),
        Row(.get, "/api/v1/staff/orders", staff, [200]),
        Row(.get, "/api/v1/staff/orders/{submittedOrder}", staff, [200]),
        Row(.post, "/api/v1/staff/orders/{submittedOrder}/confirm", staff, [200], json: "{}"),
        Row(.post, "/api/v1/staff/orders/{submittedOrder}/status", staff, [400, 422], json: "{}"),
        Row(.post, "/api/v1/staff/orders/{submittedOrder}/assign", staff, [200], json: #"{"agentID": 3}"#),
    ]
}

extension AccessTableTests {
    // Admin forms posted empty are refused for their content (422), so the table changes no settings.
    static let adminPageRows: [Row] = [
        Row(.get, "/admin", admin, [200]),
        Row(.get, "/admin/audit", admin, [200]),
        Row(.get, "/admin/locations", admin, [200]),
        Row(.get, "/admin/locations/new", admin, [200]),
        Row(.post, "/admin/locations", admin, [422]),
        Row(.get, "/admin/locations/1", admin, [200]),
        Row(.post, "/admin/locations/1", admin, [422]),
        Row(.get, "/admin/methods", admin, [200]),
        Row(.post, "/admin/methods", admin, [422]),
        Row(.post, "/admin/methods/1", admin, [422]),
        // Open orders use method 3: removing it is refused with the count.
        Row(.post, "/admin/methods/3/remove", admin, [409]),
        Row(.get, "/admin/models", admin, [200]),
        Row(.post, "/admin/models", admin, [422]),
        Row(.get, "/admin/models/1", admin, [200]),
        Row(.post, "/admin/models/1", admin, [422]),
        Row(.get, "/admin/tasks", admin, [200]),
        Row(.get, "/admin/tasks/new", admin, [200]),
        Row(.post, "/admin/tasks", admin, [422]),
        Row(.get, "/admin/tasks/1", admin, [200]),
        Row(.post, "/admin/tasks/1", admin, [422]),
        Row(.get, "/admin/customers", admin, [200]),
        Row(.get, "/admin/customers/new", admin, [200]),
        Row(.post, "/admin/customers", admin, [422]),
        Row(.get, "/admin/customers/1", admin, [200]),
        Row(.post, "/admin/customers/1", admin, [422]),
    ]

    static let adminAPIRows: [Row] = [
        Row(.get, "/api/v1/admin/locations", admin, [200]),
        Row(.post, "/api/v1/admin/locations", admin, [400, 422], json: "{}"),
        Row(.put, "/api/v1/admin/locations/1", admin, [400, 422], json: "{}"),
        Row(.get, "/api/v1/admin/shipping-methods", admin, [200]),
        Row(.post, "/api/v1/admin/shipping-methods", admin, [400, 422], json: "{}"),
        Row(.put, "/api/v1/admin/shipping-methods/1", admin, [400, 422], json: "{}"),
        Row(.delete, "/api/v1/admin/shipping-methods/3", admin, [409]),
        Row(.get, "/api/v1/admin/device-models", admin, [200]),
        Row(.post, "/api/v1/admin/device-models", admin, [400, 422], json: "{}"),
        Row(.put, "/api/v1/admin/device-models/1", admin, [400, 422], json: "{}"),
        Row(.get, "/api/v1/admin/tasks", admin, [200]),
        Row(.post, "/api/v1/admin/tasks", admin, [400, 422], json: "{}"),
        Row(.put, "/api/v1/admin/tasks/1", admin, [400, 422], json: "{}"),
        Row(.get, "/api/v1/admin/customers", admin, [200]),
        Row(.post, "/api/v1/admin/customers", admin, [400, 422], json: "{}"),
        Row(.put, "/api/v1/admin/customers/1", admin, [400, 422], json: "{}"),
        Row(.get, "/api/v1/admin/audit", admin, [200]),
        Row(.get, "/admin/templates", admin, [200]),
        // A placeholder the templates do not know is refused, naming the line.
        Row(.post, "/admin/templates/packing-list.txt", admin, [422], form: ["source": "{{ no.such.name }}"]),
        Row(.post, "/admin/templates/packing-list.txt/reset", admin, [303]),
        Row(.get, "/api/v1/admin/templates", admin, [200]),
        Row(.put, "/api/v1/admin/templates/packing-list.txt", admin, [422], json: #"{"source": "{{ no.such.name }}"}"#),
        Row(.delete, "/api/v1/admin/templates/packing-list.txt", admin, [200, 204]),
    ]

    // User 5 is Olga: the admin disables and enables her again; a confirmed account has nothing to resend.
    static let accountRows: [Row] = [
        Row(.get, "/admin/accounts", admin, [200]),
        Row(.post, "/admin/accounts", admin, [422]),
        Row(.post, "/admin/accounts/5/resend", admin, [409]),
        Row(.post, "/admin/accounts/5/disable", admin, [303]),
        Row(.post, "/admin/accounts/5/enable", admin, [303]),
        Row(.get, "/api/v1/admin/accounts", admin, [200]),
        Row(.post, "/api/v1/admin/accounts", admin, [400, 422], json: "{}"),
        Row(.post, "/api/v1/admin/accounts/5/resend", admin, [409], json: "{}"),
        Row(.post, "/api/v1/admin/accounts/5/disable", admin, [200], json: "{}"),
        Row(.post, "/api/v1/admin/accounts/5/enable", admin, [200], json: "{}"),
        // Anyone holding a confirmation link may use it; a made-up one is simply dead.
        Row(.get, "/confirm/not-a-real-link", .anyone, [404, 410]),
        Row(.post, "/confirm/not-a-real-link", .anyone, [404, 410], isAnonymousForm: true),
        Row(.post, "/api/v1/confirm/not-a-real-link", .anyone, [400, 404, 410, 422], json: "{}"),
        Row(.get, "/admin/outbox", admin, [200]),
        // No mail has been queued on this database: the admin reaches the handler and learns there is none.
        Row(.post, "/admin/outbox/1/retry", admin, [404]),
        Row(.get, "/api/v1/admin/outbox", admin, [200]),
        Row(.post, "/api/v1/admin/outbox/1/retry", admin, [404]),
        Row(.get, "/metrics", admin, [200]),
    ]
}
