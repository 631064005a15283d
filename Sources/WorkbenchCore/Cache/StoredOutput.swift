import CZstd
import Foundation
import GRDB

/// How a stage output is stored in `result.output`: small outputs as their JSON text, larger
/// ones as a zstd frame (`result.encoding = 'zstd'`). Stage outputs are verbose JSON that
/// compresses about sixfold, which keeps a million-document cache on one disk.
///
/// Readers never see the difference: every read goes through `unpack`. In `sqlite3`, the
/// `output_text(output)` function of `workbench cache sql` reads both forms.
enum StoredOutput {
    /// The name stored in `result.encoding` for compressed outputs (NULL means plain text).
    static let zstd = "zstd"
    /// Outputs shorter than this stay plain text, readable with `sqlite3` as they are.
    static let threshold = 1024
    /// Fast level: compression runs on the cache writer's thread during cold runs.
    static let level: Int32 = 1

    /// The column values for an output: (output, encoding).
    static func pack(_ json: [UInt8], compressor: Compressor) -> (DatabaseValue, String?) {
        if json.count >= threshold, let frame = compressor.compress(json), frame.count < json.count {
            return (Data(frame).databaseValue, zstd)
        }
        return (String(decoding: json, as: UTF8.self).databaseValue, nil)
    }

    /// The output's JSON bytes from its stored value and encoding.
    /// - Throws: `CacheError` for an unknown encoding or a damaged frame.
    static func unpack(_ value: DatabaseValue, encoding: String?) throws(CacheError) -> [UInt8] {
        switch (value.storage, encoding) {
        case (.string(let text), nil): return Array(text.utf8)
        case (.blob(let data), zstd?): return try decompress(data)
        case (.blob(let data), nil): return Array(data)
        case (.null, _): return []
        default: throw CacheError("a stored output has encoding '\(encoding ?? "none")', which this version cannot read")
        }
    }

    /// Decompresses one zstd frame.
    static func decompress(_ data: Data) throws(CacheError) -> [UInt8] {
        let result: Result<[UInt8], CacheError> = data.withUnsafeBytes { source in
            let size = ZSTD_getFrameContentSize(source.baseAddress, source.count)
            guard size != ZSTD_CONTENTSIZE_ERROR, size != ZSTD_CONTENTSIZE_UNKNOWN, size < 1 << 32 else {
                return .failure(CacheError("a stored output is not a complete zstd frame"))
            }
            var failure: CacheError?
            let bytes = [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
                let written = ZSTD_decompress(buffer.baseAddress, Int(size), source.baseAddress, source.count)
                if ZSTD_isError(written) != 0 || written != Int(size) {
                    failure = CacheError("a stored output cannot be decompressed: \(String(cString: ZSTD_getErrorName(written)))")
                    count = 0
                } else {
                    count = written
                }
            }
            if let failure { return .failure(failure) }
            return .success(bytes)
        }
        return try result.get()
    }

    /// A zstd compression context, reused across the outputs of one write batch (one thread).
    final class Compressor {
        private let context: OpaquePointer?

        init() { context = ZSTD_createCCtx() }
        deinit { ZSTD_freeCCtx(context) }

        /// The zstd frame of `bytes`, or nil if compression failed.
        func compress(_ bytes: [UInt8]) -> [UInt8]? {
            guard let context else { return nil }
            let bound = ZSTD_compressBound(bytes.count)
            var failed = false
            let frame = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
                let written = bytes.withUnsafeBytes { source in
                    ZSTD_compressCCtx(context, buffer.baseAddress, bound, source.baseAddress, source.count, StoredOutput.level)
                }
                failed = ZSTD_isError(written) != 0
                count = failed ? 0 : written
            }
            return failed ? nil : frame
        }
    }
}
