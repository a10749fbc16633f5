/// Scorecard runs (`GET /runs/{runId}`) and their records pages (`GET /runs/{runId}/records`), merged
/// into one ``EvalRun``: records in page order, the page envelopes kept so that encoding splits the
/// run into the same documents again.
///
/// | Scorecard run | canonical |
/// |---|---|
/// | `id` | ``EvalRun/id`` |
/// | `testsetId` | ``Dataset/id`` |
/// | `systemId`, `systemVersionId` (older: `systemConfigId`) | ``EvaluatedSystem/id``, ``EvaluatedSystem/versionId`` |
/// | `metricIds[i]`, `metricVersionIds[i]` | ``EvalRun/metrics`` `[i].id`, `[i].versionId` (the arrays may differ in length) |
/// | `numRecords`, `numExpectedRecords`, `numScores` | ``RunCounts/records``, ``RunCounts/expectedRecords``, ``RunCounts/scores`` |
/// | `status` | ``EvalRun/status`` (see ``RunStatus``), verbatim in ``EvalRun/vendorStatus`` |
///
/// | Scorecard records page | canonical |
/// |---|---|
/// | `data[]` | ``EvalRun/records``; `runId` is the run's id |
/// | record `id`, `testcaseId`, `inputs`, `expected`, `outputs` | ``EvalRecord/id``, ``EvalRecord/testcaseId``, ``EvalRecord/inputs``, ``EvalRecord/expected``, ``EvalRecord/outputs`` |
/// | `scores[]` | ``EvalRecord/scores``: `metricConfigId` → ``MetricReference/id``; `score` → ``Score/value`` (see ``ScorecardCodec/scoreValue(of:)``); `validationErrors` → ``Score/validationErrors`` |
/// | `nextCursor`, `hasMore`, `total` | `extensions.scorecard.pages[i].fields` |
///
/// Without a run document, the run id is the first record's `runId`.
public struct ScorecardCodec: VendorCodec {
    public init() {}

    public var vendor: Vendor { .scorecard }
    public var documentKinds: [DocumentKind] { [.run, .recordsPage] }

    static let runKeys = [
        "id", "testsetId", "systemId", "systemVersionId", "systemConfigId", "metricIds", "metricVersionIds",
        "numRecords", "numExpectedRecords", "numScores", "status",
    ]
    static let pageKeys = ["data", "nextCursor", "hasMore", "total"]

    /// Scorecard `status` → canonical.
    static func status(_ text: String) -> RunStatus {
        switch text {
        case "pending", "awaiting_execution": .queued
        case "running_execution", "awaiting_scoring", "running_scoring": .running
        case "awaiting_human_scoring": .needsReview
        case "completed": .succeeded
        default: .unknown
        }
    }

    public func decode(_ documents: [VendorDocument]) throws(EvalNormError) -> EvalRun {
        try checkKinds(documents)
        let runDocuments = documents.filter { $0.kind == .run }
        if runDocuments.count > 1 {
            throw EvalNormError(.invalidValue, "a Scorecard run has one run document; got \(runDocuments.count)")
        }
        for document in documents { try DuplicateKeyCheck.check(document.value) }

        var run: EvalRun
        var bag = VendorBag()
        if let runDocument = runDocuments.first {
            (run, bag) = try decodeRun(runDocument.value)
        } else {
            run = EvalRun(id: firstRunID(in: documents) ?? "", source: RunSource(vendor: .scorecard, documents: []))
        }
        run.source = RunSource(vendor: .scorecard, documents: documents.map(\.kind.rawValue))
        var pages: [JSONValue] = []
        for (offset, document) in documents.enumerated() where document.kind == .recordsPage {
            do {
                pages.append(try decodePage(document.value, into: &run))
            } catch {
                var located = error
                if documents.count > 1 { located.message = "document \(offset + 1) (records page): " + located.message }
                throw located
            }
        }
        if !pages.isEmpty { bag.extra["pages"] = .array(pages) }
        bag.store(in: &run.extensions, vendor: .scorecard)
        VerbatimCopy.secure(&run, documents: documents, vendor: vendor, encode: encode)
        return run
    }

    public func encode(_ run: EvalRun) throws(EvalNormError) -> [VendorDocument] {
        let bag = try VendorBag(in: run.extensions, vendor: vendor, at: JSONPointer(tokens: ["extensions"]))
        if let documents = VerbatimCopy.documents(in: bag, vendor: vendor) { return documents }
        var kinds = run.source.vendor == .scorecard ? run.source.documents.map { DocumentKind(rawValue: $0) } : []
        if kinds.isEmpty { kinds = run.records.isEmpty ? [.run] : [.run, .recordsPage] }
        let pageBags = bag.extra["pages"]?.arrayValue ?? []
        var documents: [VendorDocument] = []
        var nextRecord = 0
        var pageNumber = 0
        let pageCount = kinds.filter { $0 == .recordsPage }.count
        for kind in kinds {
            switch kind {
            case .run:
                documents.append(VendorDocument(vendor: vendor, kind: .run, value: .object(try encodeRun(run, bag: bag))))
            case .recordsPage:
                let pageBag: JSONValue? = pageBags.indices.contains(pageNumber) ? pageBags[pageNumber] : .none
                let isLast = pageNumber == pageCount - 1
                let page = try encodePage(of: run, from: &nextRecord, bag: pageBag, isLast: isLast, number: pageNumber)
                documents.append(VendorDocument(vendor: vendor, kind: .recordsPage, value: .object(page)))
                pageNumber += 1
            default:
                throw EvalNormError(.invalidValue, "the Scorecard codec cannot write a '\(kind)' document",
                                    pointer: JSONPointer(tokens: ["source", "documents"]))
            }
        }
        return documents
    }

    private func firstRunID(in documents: [VendorDocument]) -> String? {
        documents.lazy.compactMap { ScorecardCodec.runID(of: $0.value, kind: $0.kind) }.first
    }

    /// The run a Scorecard document belongs to: a run's `id`, or the `runId` of a page's first record
    /// that has one; `nil` for a page without records.
    static func runID(of value: JSONValue, kind: DocumentKind) -> String? {
        if kind == .run { return value["id"].flatMap { FieldCoding.stringID.decode($0) } }
        return value["data"]?.arrayValue?.lazy.compactMap { $0["runId"]?.stringValue }.first
    }

    private func decodeRun(_ value: JSONValue) throws(EvalNormError) -> (EvalRun, VendorBag) {
        var reader = try MemberReader(value, at: JSONPointer(), documentedKeys: ScorecardCodec.runKeys)
        var run = EvalRun(id: try reader.requiredID("id", .stringID), source: RunSource(vendor: .scorecard))
        if let testset = reader.read("testsetId", .string) { run.dataset = Dataset(id: testset) }
        var system = EvaluatedSystem(id: reader.read("systemId", .string), versionId: reader.read("systemVersionId", .string))
        var legacyVersionKey = false
        if !reader.has("systemVersionId"), let configID = reader.read("systemConfigId", .string) {
            system.versionId = configID
            legacyVersionKey = true
        }
        if system != EvaluatedSystem() { run.system = system }
        let ids = reader.read("metricIds", .strings)
        let versionIDs = reader.read("metricVersionIds", .strings)
        if ids != nil || versionIDs != nil {
            let ids = ids ?? [], versionIDs = versionIDs ?? []
            run.metrics = (0..<max(ids.count, versionIDs.count)).map { index in
                MetricReference(id: ids.indices.contains(index) ? ids[index] : nil,
                                versionId: versionIDs.indices.contains(index) ? versionIDs[index] : nil)
            }
        }
        let counts = RunCounts(records: reader.read("numRecords", .number), expectedRecords: reader.read("numExpectedRecords", .number),
                               scores: reader.read("numScores", .number))
        if counts != RunCounts() { run.counts = counts }
        if let status = reader.read("status", .string) {
            run.vendorStatus = status
            run.status = ScorecardCodec.status(status)
        }
        var bag = reader.finish()
        // Which of the two arrays were there, when the metrics alone would suggest otherwise (`[]`
        // beside a non-empty array, or one array alone with no metrics).
        if let metrics = run.metrics {
            let present = [ids.map { _ in "metricIds" }, versionIDs.map { _ in "metricVersionIds" }].compactMap { $0 }
            if present != ScorecardCodec.metricArrays(for: metrics) { bag.extra["metricArrays"] = .array(present.map(JSONValue.string)) }
        }
        if legacyVersionKey { bag.extra["versionIdKey"] = "systemConfigId" }
        return (run, bag)
    }

    private func encodeRun(_ run: EvalRun, bag: VendorBag) throws(EvalNormError) -> JSONObject {
        var writer = MemberWriter(bag: bag, documentedKeys: ScorecardCodec.runKeys)
        writer.write("id", run.id, .stringID)
        writer.write("testsetId", run.dataset?.id, .string)
        writer.write("systemId", run.system?.id, .string)
        let versionKey = bag.extra["versionIdKey"]?.stringValue == "systemConfigId" ? "systemConfigId" : "systemVersionId"
        writer.write(versionKey, run.system?.versionId, .string)
        // A Scorecard run always has `metricIds`: a run from elsewhere without metric ids gets `[]`.
        let fromElsewhere = run.source.vendor != vendor
        if let metrics = run.metrics {
            var arrays = bag.extra["metricArrays"]?.arrayValue?.compactMap(\.stringValue) ?? ScorecardCodec.metricArrays(for: metrics)
            if fromElsewhere, !arrays.contains("metricIds") { arrays.append("metricIds") }
            writer.write("metricIds", arrays.contains("metricIds") ? metrics.compactMap(\.id) : nil, .strings)
            writer.write("metricVersionIds", arrays.contains("metricVersionIds") ? metrics.compactMap(\.versionId) : nil, .strings)
        } else if fromElsewhere {
            writer.write("metricIds", [], .strings)
        }
        writer.write("numRecords", run.counts?.records, .number)
        writer.write("numExpectedRecords", run.counts?.expectedRecords, .number)
        writer.write("numScores", run.counts?.scores, .number)
        writer.write("status", statusToWrite(for: run, vendorWord: ScorecardCodec.vendorStatus(for:)), .string)
        return writer.finish()
    }

    /// The metric arrays written for `metrics` unless the run said otherwise: each one some metric has
    /// its part of, and both when there are no metrics.
    static func metricArrays(for metrics: [MetricReference]) -> [String] {
        if metrics.isEmpty { return ["metricIds", "metricVersionIds"] }
        return [metrics.contains { $0.id != nil } ? "metricIds" : nil, metrics.contains { $0.versionId != nil } ? "metricVersionIds" : nil].compactMap { $0 }
    }

    /// The Scorecard status closest to a canonical one, for runs from elsewhere.
    static func vendorStatus(for status: RunStatus) -> String? {
        switch status {
        case .queued: "pending"
        case .running: "running_scoring"
        case .needsReview: "awaiting_human_scoring"
        case .succeeded: "completed"
        case .failed, .canceled, .unknown: nil
        }
    }
}
