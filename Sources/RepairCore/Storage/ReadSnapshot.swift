/// One read transaction of a store, handed to the body of `ReadSharing.sharingReads`: every read given it
/// (`orderView(number:for:in:)`, `trackingLookUp(number:in:)`) runs in that transaction and sees one snapshot.
///
/// Valid only inside the call that handed it out, on that call's thread (it holds a connection no other thread
/// may use); `Sendable` only so it can be bound to a task-local for the turn it belongs to. A read given a
/// snapshot of another store, or none, runs in a transaction of its own.
public protocol ReadSnapshot: AnyObject, Sendable {}
