import Foundation
import RepairCore

/// The body of `POST /api/v1/orders` and `PUT /api/v1/orders/{number}/intake`.
///
/// Every field is optional at the JSON level so that missing ones come back together as one 422
/// from the core's intake validation, like the form page does. A present field must have the type the
/// OpenAPI document gives it (IDs integers, the rest strings, nothing nullable); any other is a 422 naming it.
struct APIIntakeRequest: Sendable, Decodable {
    /// The contact block; omitted fields default from the signed-in user.
    struct ContactRequest: Sendable, Decodable {
        var firstName: JSONValue?
        var surname: JSONValue?
        var email: JSONValue?
        var phone: JSONValue?

        private enum CodingKeys: String, CodingKey {
            case firstName, surname, email, phone
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            firstName = try container.jsonValue(forKey: .firstName)
            surname = try container.jsonValue(forKey: .surname)
            email = try container.jsonValue(forKey: .email)
            phone = try container.jsonValue(forKey: .phone)
        }
    }

    var modelID: JSONValue?
    var serial: JSONValue?
    var fault: JSONValue?
    var locationID: JSONValue?
    var methodID: JSONValue?
    var contact: ContactRequest?
    /// `"contact": null`, which the schema does not allow (an absent contact is fine).
    var isContactNull = false

    private enum CodingKeys: String, CodingKey {
        case modelID, serial, fault, locationID, methodID, contact
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        modelID = try container.jsonValue(forKey: .modelID)
        serial = try container.jsonValue(forKey: .serial)
        fault = try container.jsonValue(forKey: .fault)
        locationID = try container.jsonValue(forKey: .locationID)
        methodID = try container.jsonValue(forKey: .methodID)
        isContactNull = try container.jsonValue(forKey: .contact) == .null
        contact = isContactNull ? nil : try container.decodeIfPresent(ContactRequest.self, forKey: .contact)
    }

    /// The intake as a form, with empty contact fields taken from `user` (name split at the first space, e-mail),
    /// and the fields of the wrong JSON type; the use case reports those with the core's errors, one per field.
    func form(defaultsFrom user: User) -> (IntakeForm, inputErrors: [FieldError]) {
        var typeErrors: [FieldError] = []
        if isContactNull { typeErrors.append(JSONValue.null.typeError(field: "contact", expected: .object)) }
        let defaults = IntakeForm.prefilled(for: user)
        func orDefault(_ value: JSONValue?, _ field: String, _ fallback: String) -> String {
            let text = JSONValue.string(value, field: field, &typeErrors)
            return text.trimmingCharacters(in: .whitespaces).isEmpty ? fallback : text
        }
        let form = IntakeForm(
            modelID: JSONValue.integer(modelID, field: "modelID", &typeErrors),
            serial: JSONValue.string(serial, field: "serial", &typeErrors),
            fault: JSONValue.string(fault, field: "fault", &typeErrors),
            locationID: JSONValue.integer(locationID, field: "locationID", &typeErrors),
            methodID: JSONValue.integer(methodID, field: "methodID", &typeErrors),
            contactFirstName: orDefault(contact?.firstName, "contactFirstName", defaults.contactFirstName),
            contactSurname: orDefault(contact?.surname, "contactSurname", defaults.contactSurname),
            contactEmail: orDefault(contact?.email, "contactEmail", defaults.contactEmail),
            contactPhone: JSONValue.string(contact?.phone, field: "contactPhone", &typeErrors))
        return (form, typeErrors)
    }
}
