/// Where a run stands, in one vocabulary across vendors. The vendor's own word is kept in
/// ``EvalRun/vendorStatus``.
///
/// - Scorecard `status`: `pending`, `awaiting_execution` → ``queued``; `running_execution`,
///   `awaiting_scoring`, `running_scoring` → ``running``; `awaiting_human_scoring` → ``needsReview``;
///   `completed` → ``succeeded``; anything else → ``unknown``.
/// - DataFramer `status`: `PENDING` → ``queued``; `PROCESSING`, `RUNNING`, `IN_PROGRESS` → ``running``;
///   `SUCCEEDED`, `COMPLETED` → ``succeeded``; `FAILED` → ``failed``; `CANCELED` → ``canceled``.
/// - Aegis has no status: ``running`` while `finished_at` is null, else ``succeeded``.
/// - Lunary `status`: `success` → ``succeeded``; `error` → ``failed``; `started` → ``running``; else ``unknown``.
public enum RunStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case queued
    case running
    case needsReview
    case succeeded
    case failed
    case canceled
    case unknown
}
