import EvalNorm
import Foundation
import Testing

/// One vendor document on disk, named `<vendor>-<kind>-<case>.json` (fixtures) or `<vendor>-<kind>….json`
/// (examples), with the vendor and kind its name says.
struct VendorFixture: Sendable, CustomTestStringConvertible {
    let url: URL
    let format: DocumentFormat

    var testDescription: String { url.lastPathComponent }
    var name: String { url.deletingPathExtension().lastPathComponent }

    /// Every vendor fixture and example, sorted by name.
    static let all: [VendorFixture] = {
        let folders = [TestPaths.fixtures.appendingPathComponent("vendors"), TestPaths.examples]
        return folders.flatMap { folder in
            TestPaths.files(in: folder, withExtension: "json").compactMap { name in
                VendorFixture(url: folder.appendingPathComponent(name))
            }
        }
    }()

    init?(url: URL) {
        let name = url.deletingPathExtension().lastPathComponent
        guard let vendor = Vendor.known.first(where: { name.hasPrefix($0.rawValue + "-") }) else { return nil }
        let rest = name.dropFirst(vendor.rawValue.count + 1)
        let kind: DocumentKind = rest.hasPrefix("records-page") ? .recordsPage : .run
        self.url = url
        self.format = DocumentFormat(vendor: vendor, kind: kind)
    }

    func value() throws -> JSONValue {
        try JSONParser().parse(TestPaths.bytes(of: url))
    }
}
