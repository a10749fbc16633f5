/// An evaluation vendor whose exports EvalNorm reads.
///
/// Open: a canonical file may name a vendor this version does not know, and it still decodes.
public struct Vendor: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// Scorecard: runs with paginated, scored records.
    public static let scorecard = Vendor(rawValue: "scorecard")
    /// DataFramer: synthetic-data generation runs.
    public static let dataframer = Vendor(rawValue: "dataframer")
    /// Aegis: runs with per-metric evaluations of each record.
    public static let aegis = Vendor(rawValue: "aegis")
    /// Lunary: observed LLM calls and traces with user feedback.
    public static let lunary = Vendor(rawValue: "lunary")

    /// The vendors this version of EvalNorm has codecs for.
    public static let known: [Vendor] = [.scorecard, .dataframer, .aegis, .lunary]
}
