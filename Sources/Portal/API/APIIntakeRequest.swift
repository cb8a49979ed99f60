import Foundation
import RepairCore

/// The body of `POST /api/v1/orders` and `PUT /api/v1/orders/{number}/intake`.
///
/// Every field is optional at the JSON level so that missing ones come back together as one 422
/// from the core's intake validation, like the form page does.
struct APIIntakeRequest: Sendable, Decodable {
    /// The contact block; omitted fields default from the signed-in user.
    struct ContactRequest: Sendable, Decodable {
        var firstName: FlexibleText?
        var surname: FlexibleText?
        var email: FlexibleText?
        var phone: FlexibleText?
    }

    var modelID: FlexibleText?
    var serial: FlexibleText?
    var fault: FlexibleText?
    var locationID: FlexibleText?
    var methodID: FlexibleText?
    var contact: ContactRequest?

    // An array or object where a scalar belongs: never a valid ID or text, so validation names the field.
    private static let invalid = "\u{0}invalid"

    /// The raw intake form; empty contact fields are taken from `user` (name split at the first space, e-mail).
    func makeForm(defaultsFrom user: User) -> IntakeForm {
        let nameParts = user.displayName.split(separator: " ", maxSplits: 1).map(String.init)
        func orDefault(_ value: FlexibleText?, _ fallback: String) -> String {
            let text = value.text(invalid: Self.invalid)
            return text.trimmingCharacters(in: .whitespaces).isEmpty ? fallback : text
        }
        return IntakeForm(
            modelID: modelID.text(invalid: Self.invalid), serial: serial.text(invalid: Self.invalid),
            fault: fault.text(invalid: Self.invalid), locationID: locationID.text(invalid: Self.invalid),
            methodID: methodID.text(invalid: Self.invalid),
            contactFirstName: orDefault(contact?.firstName, nameParts.first ?? ""),
            contactSurname: orDefault(contact?.surname, nameParts.count > 1 ? nameParts[1] : ""),
            contactEmail: orDefault(contact?.email, user.email),
            contactPhone: contact?.phone.text(invalid: Self.invalid) ?? "")
    }
}
