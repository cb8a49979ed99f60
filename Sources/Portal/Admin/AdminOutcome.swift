import HTTPServer
import RepairCore

/// What became of an edit posted from an admin page.
enum AdminOutcome<T> {
    case saved(T)
    /// Nothing was written; show the form again with these errors.
    case refused([FieldError], HTTPStatus)
}
