import RepairCore
import WebSecurity

extension Portal {
    /// The signed tracking link path of an order (`/t/<token>`): opens its tracking view without typing anything.
    public func trackingPath(for number: OrderNumber) -> String {
        // An order number is ASCII and far below TrackingLink's limit, so signing cannot fail.
        "/t/" + ((try? TrackingLink.makeToken(orderNumber: number.description, secret: secret)) ?? "")
    }

    /// The same link as an absolute URL, for e-mails.
    public func trackingURL(for number: OrderNumber) -> String {
        configuration.publicBaseURL + trackingPath(for: number)
    }
}
