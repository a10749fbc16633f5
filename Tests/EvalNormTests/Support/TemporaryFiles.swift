import Foundation

/// Files a test writes to the temporary folder, removed when this value goes away: keep one in a
/// suite's stored property, and each test's files are removed when its suite instance is.
final class TemporaryFiles {
    private var urls: [URL] = []

    /// A new file named `PREFIX-UUID.EXTENSION` holding `contents`.
    func file(_ contents: String, prefix: String, extension pathExtension: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString).\(pathExtension)")
        try Data(contents.utf8).write(to: url)
        urls.append(url)
        return url
    }

    deinit {
        for url in urls { try? FileManager.default.removeItem(at: url) }
    }
}
