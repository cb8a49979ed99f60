import RepairCore

/// What a route group needs before its handlers run; the group answers 401 and 403, never the handler.
///
/// Access to a feature is the core's `AccessPolicy` (`allowed`); the portal adds only whether anyone is
/// looked up at all and which surfaces are customers' rather than staff's.
enum Permission: Sendable, Hashable {
    /// Nothing, and nobody is looked up: static files, the health check, the inline tracking API.
    case open
    /// Anyone; the viewer when signed in, and refused credentials count as anonymous (tracking, sign-in,
    /// confirmation links).
    case visitor
    /// Anyone; the viewer when signed in, and refused credentials (a bad bearer token) answer 401.
    case anyone
    /// Any signed-in user: 401 when anonymous.
    case signedIn
    /// A signed-in user the access policy allows `action` (on the shop): 401 when anonymous, 403 when denied.
    case allowed(AccessAction)
    /// The customers' own surfaces (my orders, the wizard, the orders API): customer and reseller accounts.
    /// The policy lets staff act on every order; the portal sends them to their queue instead (403 here).
    case customerAccount

    /// Whether the request's viewer is looked up before the handler runs.
    var looksUpViewer: Bool { self != .open }

    /// Whether a handler of this group always has a viewer.
    var needsViewer: Bool {
        switch self {
        case .open, .visitor, .anyone: false
        case .signedIn, .allowed, .customerAccount: true
        }
    }

    /// The viewer the group lets through (nil only for groups that need none), or the refusal.
    func check(_ context: RequestContext, policy: AccessPolicy) throws -> Viewer? {
        switch self {
        case .open, .visitor: return context.viewer
        case .anyone:
            if let refusal = context.refusal { throw refusal }
            return context.viewer
        case .signedIn, .allowed, .customerAccount: break
        }
        if let refusal = context.refusal { throw refusal }
        guard let viewer = context.viewer else { throw Problem.unauthorized() }
        switch self {
        case .allowed(let action):
            switch policy.decide(viewer.user, action) {
            case .allowed: break
            case .denied(let reason):
                let roles = Self.roles(allowedTo: action, by: policy)
                // A refusal for the account's role names the roles the page is for, as it always has.
                guard roles.contains(viewer.user.role) else { throw Self.roleProblem(roles) }
                throw Problem.forbidden(reason)
            case .hidden: throw Problem.notFound("route")
            }
        case .customerAccount:
            let roles: Set<User.Role> = [.customer, .reseller]
            guard roles.contains(viewer.user.role) else { throw Self.roleProblem(roles) }
        case .open, .visitor, .anyone, .signedIn: break
        }
        return viewer
    }

    /// The roles whose active accounts (with a company) the policy allows `action` on the shop.
    static func roles(allowedTo action: AccessAction, by policy: AccessPolicy) -> Set<User.Role> {
        Set(
            User.Role.allCases.filter { role in
                let account = User(
                    id: 0, email: "", displayName: "", role: role, customerID: role.isStaff ? nil : 0, passwordHash: "")
                return policy.decide(account, action).isAllowed
            })
    }

    private static func roleProblem(_ roles: Set<User.Role>) -> Problem {
        Problem.forbidden("role", ["roles": .list(roles.map(\.rawValue).sorted())])
    }
}
