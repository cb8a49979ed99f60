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
    /// The free-text fields (`IntakeField.all`) by key.
    var texts: [String: JSONValue] = [:]
    var locationID: JSONValue?
    var methodID: JSONValue?
    var contact: ContactRequest?
    /// `"contact": null`, which the schema does not allow (an absent contact is fine).
    var isContactNull = false

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        modelID = try container.jsonValue(forKey: JSONKey("modelID"))
        for field in IntakeField.all {
            texts[field.key] = try container.jsonValue(forKey: JSONKey(field.key))
        }
        locationID = try container.jsonValue(forKey: JSONKey("locationID"))
        methodID = try container.jsonValue(forKey: JSONKey("methodID"))
        isContactNull = try container.jsonValue(forKey: JSONKey("contact")) == .null
        contact = isContactNull ? nil : try container.decodeIfPresent(ContactRequest.self, forKey: JSONKey("contact"))
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
        let model = JSONValue.integer(modelID, field: "modelID", &typeErrors)
        let textValues = IntakeField.all.map { JSONValue.string(texts[$0.key], field: $0.key, &typeErrors) }
        var form = IntakeForm(
            modelID: model,
            locationID: JSONValue.integer(locationID, field: "locationID", &typeErrors),
            methodID: JSONValue.integer(methodID, field: "methodID", &typeErrors),
            contactFirstName: orDefault(contact?.firstName, "contactFirstName", defaults.contactFirstName),
            contactSurname: orDefault(contact?.surname, "contactSurname", defaults.contactSurname),
            contactEmail: orDefault(contact?.email, "contactEmail", defaults.contactEmail),
            contactPhone: JSONValue.string(contact?.phone, field: "contactPhone", &typeErrors))
        for (field, text) in zip(IntakeField.all, textValues) {
            form[field] = text
        }
        return (form, typeErrors)
    }
}
